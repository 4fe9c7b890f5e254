import ABCNotation
import MIDIFile
import Notation
import Tokens

/// A melody fragment that opens a tune verbatim: from ABC (headers optional), a line of ABC notes, or the
/// first melodic track of a MIDI file. The model continues it.
public struct Motif: Sendable, Hashable {
    /// Where a note or bar line was written (ABC line:column; nil for MIDI).
    public struct Location: Sendable, Hashable {
        /// 1-based line.
        public var line: Int
        /// 1-based column.
        public var column: Int
    }

    /// The file it came from, or `--motif-text`.
    public var source: String
    /// The key written in the motif (`K:` or a MIDI key signature); nil when none was written.
    public var key: Key?
    /// The meter written in the motif; nil when none was written.
    public var meter: Meter?
    /// Notes and rests, one line, from time 0.
    public var events: [MusicEvent]
    /// Where each event was written (parallel to ``events``).
    public var locations: [Location?]
    /// Bar lines as written: their time and place.
    public var barLines: [(onset: Rational, location: Location?)]

    public static func == (a: Motif, b: Motif) -> Bool {
        a.source == b.source && a.key == b.key && a.meter == b.meter && a.events == b.events && a.locations == b.locations
            && a.barLines.map(\.onset) == b.barLines.map(\.onset)
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(source); hasher.combine(events) }

    /// The end of the motif's last event.
    public var end: Rational { events.last?.end ?? .zero }

    /// Sounding notes only.
    var notes: [Note] { events.compactMap { if case .note(let n) = $0 { return n } else { return nil } } }

    /// The key the tune takes: the motif's own unless `transpose` (then the requested one); a requested key
    /// that differs from the motif's without `transpose` is an error saying so. A motif with no written key
    /// gets the requested key or, without one, the major or minor key that fits its notes best.
    public func resolveKey(requested: Key?, transpose: Bool) throws(EngineError) -> Key {
        if transpose, let requested { return requested }
        if let key {
            if let requested, requested != key {
                throw .invalidOption(option: "--key", reason: "the motif (\(source)) is in \(key), not \(requested); add --transpose-motif to move it, or leave out --key")
            }
            return key
        }
        return requested ?? inferredKey()
    }

    /// The major or minor key whose scale holds the most of the motif's notes (the last note as tonic
    /// breaks ties, then the first note, then fewer sharps or flats).
    func inferredKey() -> Key {
        let spellings = ["C", "G", "D", "A", "E", "B", "F#", "F", "Bb", "Eb", "Ab", "Db"]
        var best: (score: Int, key: Key)?
        for name in spellings {
            for mode in [Mode.major, .minor] {
                guard let key = try? Key(parsing: name + (mode == .minor ? "m" : "")) else { continue }
                let scale = Set(key.scalePitchClasses)
                var score = notes.reduce(0) { $0 + (scale.contains($1.pitch.pitchClass) ? 4 : 0) }
                if notes.last?.pitch.pitchClass == key.tonic.pitchClass { score += 3 }
                if notes.first?.pitch.pitchClass == key.tonic.pitchClass { score += 1 }
                if best == nil || score > best!.score { best = (score, key) }
            }
        }
        return best?.key ?? .cMajor
    }

    /// The motif's body tokens for a tune of `bars` bars in `meter` (its tonic-relative pitches, so the same
    /// tokens open the tune in any key with the motif's mode degrees). Throws, naming the line:column, when
    /// a bar is not full, the motif ends inside a bar, is longer than the tune, or leaves the pitch range.
    public func bodyTokens(meter: Meter, key: Key, anacrusis: Rational, bars: Int, vocabulary: Vocabulary) throws(EngineError) -> [Int] {
        guard !events.isEmpty else { throw fail(nil, .zero, "the motif has no notes") }
        let barLength = meter.barLength
        let first = anacrusis > .zero ? anacrusis : barLength
        func onBoundary(_ t: Rational) -> Bool {
            t == .zero || (t >= first && ((t - first) / barLength).isInteger)
        }
        for bar in barLines where bar.onset > .zero && bar.onset < end && !onBoundary(bar.onset) {
            throw fail(bar.location, bar.onset, "this bar line comes after \(bar.onset) quarters; every bar of a \(meter) motif must be full (\(barLength) quarters\(anacrusis > .zero ? ", after a pickup of \(anacrusis)" : ""))")
        }
        let tuneEnd = Rational(bars) * barLength
        if end > tuneEnd {
            let i = events.firstIndex { $0.end > tuneEnd } ?? events.count - 1
            throw fail(locations[i], events[i].onset, "the motif is longer than the tune (\(bars) bars of \(meter) = \(tuneEnd) quarters, the motif \(end)); ask for more --bars")
        }
        guard onBoundary(end) else {
            throw fail(locations.last ?? nil, end, "the motif ends inside a bar (after \(end) quarters); its bars must be full for \(meter)")
        }
        let motifKey = self.key ?? key
        let melody = Melody(style: "folk", meter: meter, key: Key(tonic: motifKey.tonic, mode: key.mode), anacrusis: anacrusis, events: events)
        let ids: [Int]
        do { ids = try MelodyTokenizer(vocabulary: vocabulary).encode(melody) } catch {
            if case .pitchOutOfRange(let pitch, _, let at) = error, let i = events.firstIndex(where: { $0.onset == at }) {
                throw fail(locations[i], at, "\(pitch) is outside the models' range (an octave below to three above the tonic)")
            }
            throw fail(locations.first ?? nil, .zero, "the motif cannot be written as tokens: \(error)")
        }
        return Array(ids.dropFirst(MelodyTokenizer.headerLength).dropLast())   // without the header and <eos>
    }

    func fail(_ location: Location?, _ time: Rational, _ reason: String) -> EngineError {
        if let location { return .invalidMotif(source: source, line: location.line, column: location.column, reason: reason) }
        return .invalidMotifTiming(source: source, quarter: time, reason: reason)
    }
}
