/// A sounding note: a pitch held from `onset` for `duration` (both in quarter notes).
public struct Note: Sendable, Hashable, Codable {
    /// The pitch.
    public var pitch: Pitch
    /// When the note starts, in quarter notes from the start of the voice.
    public var onset: Rational
    /// How long it sounds, in quarter notes (> 0).
    public var duration: Rational
    /// MIDI velocity 1...127.
    public var velocity: Int
    /// How the note is written, when known (from ABC, or spelled in a key).
    public var spelling: SpelledNote?

    /// Creates a note; throws for a non-positive duration or a velocity outside 1...127.
    public init(pitch: Pitch, onset: Rational, duration: Rational, velocity: Int = 80,
                spelling: SpelledNote? = nil) throws(NotationError) {
        guard duration > .zero else { throw .nonPositiveDuration(duration) }
        guard (1...127).contains(velocity) else { throw .velocityOutOfRange(velocity) }
        self.pitch = pitch
        self.onset = onset
        self.duration = duration
        self.velocity = velocity
        self.spelling = spelling
    }

    /// When the note stops sounding.
    public var end: Rational { onset + duration }
}

/// A silence from `onset` for `duration`.
public struct Rest: Sendable, Hashable, Codable {
    /// When the rest starts, in quarter notes.
    public var onset: Rational
    /// Its length in quarter notes (> 0).
    public var duration: Rational

    /// Creates a rest; throws for a non-positive duration.
    public init(onset: Rational, duration: Rational) throws(NotationError) {
        guard duration > .zero else { throw .nonPositiveDuration(duration) }
        self.onset = onset
        self.duration = duration
    }

    /// When the rest ends.
    public var end: Rational { onset + duration }
}

/// Several pitches struck together for the same length (a note chord such as ABC's `[CEG]`).
public struct Chord: Sendable, Hashable, Codable {
    /// The pitches, lowest first.
    public var pitches: [Pitch]
    /// When the chord starts, in quarter notes.
    public var onset: Rational
    /// How long it sounds (> 0).
    public var duration: Rational
    /// MIDI velocity 1...127.
    public var velocity: Int

    /// Creates a chord; pitches are sorted, duplicates removed.
    public init(pitches: [Pitch], onset: Rational, duration: Rational, velocity: Int = 80) throws(NotationError) {
        guard duration > .zero else { throw .nonPositiveDuration(duration) }
        guard (1...127).contains(velocity) else { throw .velocityOutOfRange(velocity) }
        self.pitches = Array(Set(pitches)).sorted()
        self.onset = onset
        self.duration = duration
        self.velocity = velocity
    }

    /// When the chord stops sounding.
    public var end: Rational { onset + duration }

    /// The chord as separate notes.
    public var notes: [Note] {
        pitches.map { try! Note(pitch: $0, onset: onset, duration: duration, velocity: velocity) }
    }
}

/// One event of a voice: a note, a rest or a chord.
public enum MusicEvent: Sendable, Hashable, Codable {
    case note(Note)
    case rest(Rest)
    case chord(Chord)

    /// When the event starts.
    public var onset: Rational {
        switch self {
        case .note(let n): return n.onset
        case .rest(let r): return r.onset
        case .chord(let c): return c.onset
        }
    }

    /// How long the event lasts.
    public var duration: Rational {
        switch self {
        case .note(let n): return n.duration
        case .rest(let r): return r.duration
        case .chord(let c): return c.duration
        }
    }

    /// When the event ends.
    public var end: Rational { onset + duration }

    /// The sounding pitches (empty for a rest).
    public var pitches: [Pitch] {
        switch self {
        case .note(let n): return [n.pitch]
        case .rest: return []
        case .chord(let c): return c.pitches
        }
    }

    /// The same event starting at another onset.
    public func moved(to onset: Rational) -> MusicEvent {
        switch self {
        case .note(var n): n.onset = onset; return .note(n)
        case .rest(var r): r.onset = onset; return .rest(r)
        case .chord(var c): c.onset = onset; return .chord(c)
        }
    }

    /// The same event with another duration (which must be > 0).
    public func resized(to duration: Rational) -> MusicEvent {
        precondition(duration > .zero, "event resized to a non-positive duration")
        switch self {
        case .note(var n): n.duration = duration; return .note(n)
        case .rest(var r): r.duration = duration; return .rest(r)
        case .chord(var c): c.duration = duration; return .chord(c)
        }
    }
}
