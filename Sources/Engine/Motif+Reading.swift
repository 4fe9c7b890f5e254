import ABCNotation
import MIDIFile
import Notation

extension Motif {
    /// A motif from ABC text: a whole tune (`X:`, `M:`, `L:`, `K:` headers) or just a body. Missing headers
    /// are supplied (`M:` the given meter, `L:1/8`, `K:` the given key or C); line:column in errors refer to
    /// the text as given. Chords keep their top note.
    public init(abc text: String, source: String, meter: Meter, key: Key?) throws(EngineError) {
        // Lines as the ABC reader splits them: at "\n" bytes, so "\r\n" files work (a String split at the
        // Character "\n" kept "\r\n" lines whole and missed written K: and M: lines; found by fuzzing).
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        func hasField(_ f: String) -> Bool { lines.contains { $0.starts(with: f.utf8) } }
        var prefix: [String] = []
        if !hasField("X:") { prefix.append("X:1") }
        let writtenKey = hasField("K:")
        let writtenMeter = hasField("M:")
        if !writtenKey {
            if !writtenMeter { prefix.append("M:\(meter)") }
            if !hasField("L:") { prefix.append("L:1/8") }
            prefix.append("K:\(key.map { "\($0.tonic)\($0.mode == .major ? "" : $0.mode.rawValue.prefix(3).description)" } ?? "C")")
        }
        let shift = prefix.count
        let book = ABCTunebook(text: (prefix + [text]).joined(separator: "\n"))
        func place(_ l: ABCLocation) -> Location { Location(line: max(1, l.line - shift), column: l.column) }
        if let failure = book.failures.first {
            // The error's own place, moved to the text as given; its description minus the place it starts with.
            let at = failure.error.location ?? failure.location
            var reason = failure.error.description
            if reason.hasPrefix("\(at): ") { reason.removeFirst("\(at): ".count) }
            throw .invalidMotif(source: source, line: max(1, at.line - shift), column: at.column, reason: reason)
        }
        guard let tune = book.tunes.first else {
            throw .invalidMotif(source: source, line: 1, column: 1, reason: "no notes found (write ABC notes such as 'GABc dBAG')")
        }
        var events: [MusicEvent] = [], locations: [Location?] = [], bars: [(Rational, Location?)] = []
        for element in tune.body {
            switch element {
            case .note(let n):
                if n.isTied, case .note(var last)? = events.last, last.pitch == n.pitch, last.end == n.onset {
                    last.duration += n.duration
                    events[events.count - 1] = .note(last)
                    continue
                }
                guard let note = try? Note(pitch: n.pitch, onset: n.onset, duration: n.duration) else { continue }
                events.append(.note(note)); locations.append(place(n.location))
            case .chord(let notes, let onset, let duration):
                guard let top = notes.max(by: { $0.pitch < $1.pitch }),
                      let note = try? Note(pitch: top.pitch, onset: onset, duration: duration) else { continue }
                events.append(.note(note)); locations.append(place(top.location))
            case .rest(let onset, let duration):
                guard let rest = try? Rest(onset: onset, duration: duration) else { continue }
                events.append(.rest(rest)); locations.append(locations.last ?? nil)
            case .bar(let b):
                bars.append((b.onset, place(b.location)))
            default:
                break
            }
        }
        self.source = source
        self.key = writtenKey ? tune.key : nil
        if writtenMeter, let m = tune.meter {
            let symbol: Meter.Symbol = m.text == "C" ? .common : m.text == "C|" ? .cut : .numeric
            self.meter = try? Meter(numerator: m.numerator, denominator: m.denominator, symbol: symbol)
        } else {
            self.meter = nil
        }
        self.events = events
        self.locations = locations
        self.barLines = bars
        if events.isEmpty { throw .invalidMotif(source: source, line: 1, column: 1, reason: "no notes found") }
    }

    /// A motif from a MIDI file's first melodic track (not channel 10), chords reduced to their top note;
    /// its key and meter come from the file's first key and time signatures.
    public init(midi bytes: [UInt8], source: String) throws(EngineError) {
        let score: Score
        do { score = try MIDIFile(bytes: bytes).score() } catch {
            throw .invalidMotifTiming(source: source, quarter: .zero, reason: "\(error)")
        }
        guard let part = score.parts.first(where: { $0.channel != 9 && !$0.voices.flatMap(\.notes).isEmpty }) else {
            throw .invalidMotifTiming(source: source, quarter: .zero, reason: "no melodic track (every track is empty or drums)")
        }
        var notes: [Note] = []
        for n in part.voices.flatMap(\.notes).sorted(by: { ($0.onset, $1.pitch) < ($1.onset, $0.pitch) }) {
            if let last = notes.last, n.onset < last.end {
                if n.onset == last.onset { continue }                                 // a lower note of a chord
                notes[notes.count - 1].duration = n.onset - last.onset                // overlapping: cut the earlier
            }
            notes.append(n)
        }
        var events: [MusicEvent] = []
        var time = Rational.zero
        for n in notes {
            if n.onset > time, let rest = try? Rest(onset: time, duration: n.onset - time) { events.append(.rest(rest)) }
            events.append(.note(n))
            time = n.end
        }
        self.source = source
        self.key = score.keyChanges.first?.key
        self.meter = score.meterChanges.first?.meter
        self.events = events
        self.locations = events.map { _ in nil }
        self.barLines = []
    }
}
