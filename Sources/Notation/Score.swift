/// A sequence of events played by one line of a part, sorted by onset.
public struct Voice: Sendable, Hashable, Codable {
    /// A name (may be empty).
    public var name: String
    /// The events, sorted by onset (rests included where written).
    public var events: [MusicEvent]

    /// Creates a voice; events are sorted by onset (stable for equal onsets).
    public init(name: String = "", events: [MusicEvent] = []) {
        self.name = name
        self.events = events.enumerated().sorted { ($0.element.onset, $0.offset) < ($1.element.onset, $1.offset) }.map(\.element)
    }

    /// When the last event ends (0 when empty).
    public var end: Rational { events.map(\.end).max() ?? .zero }

    /// Every sounding note, chords split into their notes.
    public var notes: [Note] {
        events.flatMap { event -> [Note] in
            switch event {
            case .note(let n): return [n]
            case .chord(let c): return c.notes
            case .rest: return []
            }
        }
    }
}

/// One instrument's music: voices, an instrument and optional chord symbols.
public struct Part: Sendable, Hashable, Codable {
    /// The part's name (becomes the MIDI track name).
    public var name: String
    /// General MIDI program 0...127 (0 = Acoustic Grand Piano, 40 = Violin, 73 = Flute).
    public var program: Int
    /// MIDI channel 0...15 (9 is General MIDI percussion).
    public var channel: Int
    /// The voices.
    public var voices: [Voice]
    /// Chord symbols over the part (from ABC `"Am"` or from the harmonizer).
    public var chordSymbols: [TimedChordSymbol]

    /// Creates a part; throws when the program or channel is out of range.
    public init(name: String, program: Int = 0, channel: Int = 0, voices: [Voice] = [],
                chordSymbols: [TimedChordSymbol] = []) throws(NotationError) {
        guard (0...127).contains(program) else { throw .outOfRange(what: "GM program", value: program, range: 0...127) }
        guard (0...15).contains(channel) else { throw .outOfRange(what: "MIDI channel", value: channel, range: 0...15) }
        self.name = name
        self.program = program
        self.channel = channel
        self.voices = voices
        self.chordSymbols = chordSymbols.sorted { $0.onset < $1.onset }
    }

    /// When the last event of any voice ends.
    public var end: Rational { voices.map(\.end).max() ?? .zero }
}

/// A tempo from `onset` on, in quarter notes per minute.
public struct TempoChange: Sendable, Hashable, Codable {
    /// When the tempo takes effect.
    public var onset: Rational
    /// Quarter notes per minute (> 0).
    public var quarterNotesPerMinute: Rational

    /// Creates a tempo change; throws for a non-positive tempo.
    public init(onset: Rational = .zero, quarterNotesPerMinute: Rational) throws(NotationError) {
        guard quarterNotesPerMinute > .zero else { throw .invalidTempo(quarterNotesPerMinute) }
        self.onset = onset
        self.quarterNotesPerMinute = quarterNotesPerMinute
    }

    /// Microseconds per quarter note, as a MIDI tempo meta event stores it (rounded to the nearest).
    public var microsecondsPerQuarter: Int {
        (Rational(60_000_000) / quarterNotesPerMinute).roundedTicks(perQuarter: 1)
    }
}

/// A meter from `onset` on.
public struct MeterChange: Sendable, Hashable, Codable {
    /// When the meter takes effect (normally on a bar line).
    public var onset: Rational
    /// The meter.
    public var meter: Meter

    /// Creates a meter change.
    public init(onset: Rational = .zero, meter: Meter) {
        self.onset = onset
        self.meter = meter
    }
}

/// A key from `onset` on.
public struct KeyChange: Sendable, Hashable, Codable {
    /// When the key takes effect.
    public var onset: Rational
    /// The key.
    public var key: Key

    /// Creates a key change.
    public init(onset: Rational = .zero, key: Key) {
        self.onset = onset
        self.key = key
    }
}

/// A piece: parts plus the tempo, meter and key maps that all parts share.
public struct Score: Sendable, Hashable, Codable {
    /// The title (may be empty).
    public var title: String
    /// The parts.
    public var parts: [Part]
    /// Tempo changes sorted by onset; empty means 120 quarter notes per minute.
    public var tempoChanges: [TempoChange]
    /// Meter changes sorted by onset; empty means 4/4.
    public var meterChanges: [MeterChange]
    /// Key changes sorted by onset; empty means C major.
    public var keyChanges: [KeyChange]
    /// Length of a pickup (anacrusis) before the first full bar, in quarter notes (0 for none).
    public var anacrusis: Rational

    /// Creates a score; the maps are sorted by onset.
    public init(title: String = "", parts: [Part] = [], tempoChanges: [TempoChange] = [],
                meterChanges: [MeterChange] = [], keyChanges: [KeyChange] = [], anacrusis: Rational = .zero) {
        self.title = title
        self.parts = parts
        self.tempoChanges = tempoChanges.sorted { $0.onset < $1.onset }
        self.meterChanges = meterChanges.sorted { $0.onset < $1.onset }
        self.keyChanges = keyChanges.sorted { $0.onset < $1.onset }
        self.anacrusis = anacrusis
    }

    /// When the last event of any part ends.
    public var end: Rational { parts.map(\.end).max() ?? .zero }

    /// The meter in force at a time (4/4 before the first change).
    public func meter(at time: Rational) -> Meter {
        meterChanges.last(where: { $0.onset <= time })?.meter ?? .fourFour
    }

    /// The key in force at a time (C major before the first change).
    public func key(at time: Rational) -> Key {
        keyChanges.last(where: { $0.onset <= time })?.key ?? .cMajor
    }

    /// The tempo in force at a time (120 before the first change).
    public func tempo(at time: Rational) -> Rational {
        tempoChanges.last(where: { $0.onset <= time })?.quarterNotesPerMinute ?? 120
    }

    /// The length in seconds, following the tempo map.
    public var durationInSeconds: Double {
        var seconds = 0.0
        var time = Rational.zero
        var tempo = Rational(120)
        for change in tempoChanges where change.onset < end {
            seconds += (change.onset - time).doubleValue * 60 / tempo.doubleValue
            time = change.onset
            tempo = change.quarterNotesPerMinute
        }
        return seconds + (end - time).doubleValue * 60 / tempo.doubleValue
    }
}
