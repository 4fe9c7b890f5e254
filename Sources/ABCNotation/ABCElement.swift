import Notation

/// One written note: a pitch with its onset and length, both in quarter notes from the start of its voice.
public struct ABCNote: Sendable, Hashable {
    /// The sounding pitch after key signature and bar accidentals.
    public var pitch: Pitch
    /// Onset in quarter notes from the start of the voice, as written (repeats not expanded).
    public var onset: Rational
    /// Length in quarter notes after broken rhythm and tuplets.
    public var duration: Rational
    /// True when a tie `-` joins this note to the next note of the same pitch.
    public var isTied: Bool
    /// Where the note's letter is.
    public var location: ABCLocation

    /// Creates a note.
    public init(pitch: Pitch, onset: Rational, duration: Rational, isTied: Bool = false, location: ABCLocation) {
        self.pitch = pitch
        self.onset = onset
        self.duration = duration
        self.isTied = isTied
        self.location = location
    }
}

/// A bar line, with its repeat marks and the ending (volta) numbers that start after it.
public struct ABCBar: Sendable, Hashable {
    /// Onset in quarter notes of the bar line.
    public var onset: Rational
    /// The bar line as written (`|`, `||`, `|]`, `[|`, `|:`, `:|`, `::`); empty for a bare `[1` ending.
    public var text: String
    /// `:|` or `::`: repeat back to the last start.
    public var endsRepeat: Bool
    /// `|:` or `::`: a repeated section starts here.
    public var startsRepeat: Bool
    /// `||`, `|]` or `[|`: a section boundary (abc2midi repeats from here when no `|:` was seen).
    public var isDouble: Bool
    /// Ending numbers that start here (`[1` or `|1` gives [1], `[1,3` gives [1, 3]); empty when none.
    public var endings: [Int]
    /// Where the bar line is.
    public var location: ABCLocation

    /// Creates a bar line.
    public init(
        onset: Rational, text: String, endsRepeat: Bool = false, startsRepeat: Bool = false,
        isDouble: Bool = false, endings: [Int] = [], location: ABCLocation
    ) {
        self.onset = onset
        self.text = text
        self.endsRepeat = endsRepeat
        self.startsRepeat = startsRepeat
        self.isDouble = isDouble
        self.endings = endings
        self.location = location
    }
}

/// One item of a tune body, in written order.
public enum ABCElement: Sendable, Hashable {
    /// A single note.
    case note(ABCNote)
    /// Notes struck together (`[CEG]`); the chord advances time by `duration`.
    case chord(notes: [ABCNote], onset: Rational, duration: Rational)
    /// A rest (`z`, invisible `x`, or a multi-bar `Z`), in quarter notes.
    case rest(onset: Rational, duration: Rational)
    /// A bar line.
    case bar(ABCBar)
    /// A quoted chord symbol such as `"Am7"` at an onset (other quoted text is not kept).
    case chordSymbol(ChordSymbol, onset: Rational)
    /// A `P:` part label in the body: the elements up to the next label belong to this part.
    case partLabel(String, onset: Rational)
    /// A key change (`K:` line or `[K:]`).
    case keyChange(Key, onset: Rational)
    /// A meter change (`M:` line or `[M:]`).
    case meterChange(ABCMeter, onset: Rational)
    /// A tempo change (`Q:` line or `[Q:]`).
    case tempoChange(ABCTempo, onset: Rational)

    /// Onset in quarter notes, as written.
    public var onset: Rational {
        switch self {
        case .note(let n): return n.onset
        case .chord(_, let onset, _), .rest(let onset, _), .chordSymbol(_, let onset),
            .partLabel(_, let onset), .keyChange(_, let onset), .meterChange(_, let onset),
            .tempoChange(_, let onset):
            return onset
        case .bar(let b): return b.onset
        }
    }

    /// Time the element takes, in quarter notes (zero for everything but notes, chords and rests).
    public var duration: Rational {
        switch self {
        case .note(let n): return n.duration
        case .chord(_, _, let d), .rest(_, let d): return d
        default: return .zero
        }
    }
}
