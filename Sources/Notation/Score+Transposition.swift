extension Note {
    /// The note moved by an interval (spelling moved too, when it has one).
    public func transposed(by interval: Interval) throws(NotationError) -> Note {
        var n = self
        n.pitch = try pitch.transposed(by: interval.semitones)
        n.spelling = spelling?.transposed(by: interval)
        return n
    }
}

extension MusicEvent {
    /// The event moved by an interval; rests are unchanged.
    public func transposed(by interval: Interval) throws(NotationError) -> MusicEvent {
        switch self {
        case .note(let n): return .note(try n.transposed(by: interval))
        case .rest: return self
        case .chord(var c):
            var moved: [Pitch] = []
            for p in c.pitches { moved.append(try p.transposed(by: interval.semitones)) }
            c.pitches = moved
            return .chord(c)
        }
    }
}

extension ChordSymbol {
    /// The chord symbol moved by an interval (root and bass respelled by letter steps).
    public func transposed(by interval: Interval) -> ChordSymbol {
        ChordSymbol(root: root.transposed(by: interval) ?? root.transposed(by: Interval(semitones: interval.semitones)) ?? root,
                    quality: quality,
                    bass: bass.map { $0.transposed(by: interval) ?? $0 })
    }
}

extension Score {
    /// The whole score moved by an interval: notes, chords, chord symbols and keys. Throws when a note
    /// would leave the MIDI range (nothing is clamped).
    public func transposed(by interval: Interval) throws(NotationError) -> Score {
        var s = self
        for p in s.parts.indices {
            for v in s.parts[p].voices.indices {
                var events: [MusicEvent] = []
                for e in s.parts[p].voices[v].events { events.append(try e.transposed(by: interval)) }
                s.parts[p].voices[v].events = events
            }
            s.parts[p].chordSymbols = s.parts[p].chordSymbols.map {
                TimedChordSymbol(onset: $0.onset, symbol: $0.symbol.transposed(by: interval))
            }
        }
        s.keyChanges = s.keyChanges.map { change in
            KeyChange(onset: change.onset, key: change.key.transposed(by: interval)
                      ?? change.key.transposed(by: Interval(semitones: interval.semitones)) ?? change.key)
        }
        return s
    }
}
