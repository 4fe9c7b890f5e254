import Notation

extension ABCTune {
    /// The notes of a voice as played: repeats and parts expanded, tied notes joined into one note
    /// (onset of the first, summed length). Grace notes are not played. Sorted by onset, then pitch.
    public func playedNotes(voice index: Int = 0) -> [Note] {
        playedEvents(voice: index).flatMap { event -> [Note] in
            switch event {
            case .note(let n): return [n]
            case .chord(let c): return c.notes
            case .rest: return []
            }
        }.sorted { ($0.onset, $0.pitch) < ($1.onset, $1.pitch) }
    }

    /// The events of a voice as played (notes, chords and rests), ties joined.
    public func playedEvents(voice index: Int = 0, velocity: Int = 80) -> [MusicEvent] {
        struct Played {
            var pitch: Pitch
            var onset: Rational
            var duration: Rational
            var strike: Int
        }
        var notes: [Played] = []
        var rests: [MusicEvent] = []
        var open: [Pitch: Int] = [:]
        var strike = 0
        for element in expandedElements(voice: index) {
            let written: [ABCNote]
            switch element {
            case .note(let n): written = [n]
            case .chord(let ns, _, _): written = ns
            case .rest(let onset, let duration):
                open = [:]
                if let r = try? Rest(onset: onset, duration: duration) { rests.append(.rest(r)) }
                continue
            default: continue
            }
            strike += 1
            var nextOpen: [Pitch: Int] = [:]
            for n in written {
                let k: Int
                if let t = open[n.pitch], notes[t].onset + notes[t].duration == n.onset {
                    notes[t].duration += n.duration
                    k = t
                } else {
                    notes.append(Played(pitch: n.pitch, onset: n.onset, duration: n.duration, strike: strike))
                    k = notes.count - 1
                }
                if n.isTied { nextOpen[n.pitch] = k }
            }
            open = nextOpen
        }
        // Notes struck together that still share onset and length become a Chord.
        var events = rests
        var k = 0
        while k < notes.count {
            var j = k + 1
            while j < notes.count, notes[j].strike == notes[k].strike { j += 1 }
            let group = notes[k..<j]
            let first = group.first!
            if group.count > 1, group.allSatisfy({ $0.onset == first.onset && $0.duration == first.duration }),
                let chord = try? Chord(pitches: group.map(\.pitch), onset: first.onset, duration: first.duration,
                    velocity: velocity)
            {
                events.append(.chord(chord))
            } else {
                for p in group {
                    if let note = try? Note(pitch: p.pitch, onset: p.onset, duration: p.duration, velocity: velocity) {
                        events.append(.note(note))
                    }
                }
            }
            k = j
        }
        return events.sorted { $0.onset < $1.onset }
    }

    /// The tune as a Score, repeats and parts expanded for playback. A single-voice tune gives one part
    /// with one voice; `.allVoicesAsParts` gives one part per `V:` voice, `.firstVoiceAsMelody` only the
    /// first, and `.reject` throws for a tune with several voices. Chord symbols go to the part's
    /// `chordSymbols`; tempo, meter and key changes come from the first voice.
    public func score(voices policy: ABCVoicePolicy = .firstVoiceAsMelody) throws(ABCError) -> Score {
        if policy == .reject && voices.count > 1 {
            throw .unsupported(feature: "a tune with \(voices.count) voices (V:)", at: location)
        }
        let count = policy == .allVoicesAsParts ? min(voices.count, 16) : min(voices.count, 1)
        var parts: [Part] = []
        for v in 0..<count {
            let symbols = expandedElements(voice: v).compactMap { e -> TimedChordSymbol? in
                if case .chordSymbol(let s, let onset) = e { return TimedChordSymbol(onset: onset, symbol: s) }
                return nil
            }
            let voice = Voice(name: voices[v].id, events: playedEvents(voice: v))
            let name = count == 1 ? title : "\(title) (V:\(voices[v].id))"
            do {
                parts.append(try Part(name: name, program: 0, channel: v, voices: [voice], chordSymbols: symbols))
            } catch {
                throw .notWritable(reason: "part \(v): \(error)")
            }
        }
        var tempos: [TempoChange] = []
        var meters: [MeterChange] = []
        var keys: [KeyChange] = [KeyChange(onset: .zero, key: key)]
        if let tempo, let t = try? TempoChange(onset: .zero, quarterNotesPerMinute: tempo.quarterNotesPerMinute) {
            tempos.append(t)
        }
        if let m = meter.flatMap(Self.notationMeter) { meters.append(MeterChange(onset: .zero, meter: m)) }
        var firstBar: Rational?
        for e in expandedElements(voice: 0) {
            switch e {
            case .tempoChange(let t, let onset):
                if let change = try? TempoChange(onset: onset, quarterNotesPerMinute: t.quarterNotesPerMinute) {
                    tempos.append(change)
                }
            case .meterChange(let m, let onset):
                if let nm = Self.notationMeter(m) { meters.append(MeterChange(onset: onset, meter: nm)) }
            case .keyChange(let k, let onset):
                keys.append(KeyChange(onset: onset, key: k))
            case .bar(let b):
                if firstBar == nil && b.onset > .zero { firstBar = b.onset }
            default:
                break
            }
        }
        var anacrusis = Rational.zero
        if let bar = firstBar, let m = meter, bar < m.barLength { anacrusis = bar }
        return Score(
            title: title, parts: parts, tempoChanges: tempos, meterChanges: meters, keyChanges: keys,
            anacrusis: anacrusis)
    }

    /// The Notation meter for an ABC meter; nil when Notation cannot hold it (a denominator not a power of 2).
    static func notationMeter(_ m: ABCMeter) -> Meter? {
        let symbol: Meter.Symbol = m.text == "C" ? .common : m.text == "C|" ? .cut : .numeric
        return try? Meter(numerator: m.numerator, denominator: m.denominator, symbol: symbol)
    }
}
