/// A note letter, C through B.
public enum Letter: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case c, d, e, f, g, a, b

    /// The position in C D E F G A B (0...6).
    public var index: Int { rawValue }

    /// Semitones above C of the natural note with this letter.
    public var naturalSemitones: Int { [0, 2, 4, 5, 7, 9, 11][rawValue] }

    /// The letter `steps` letters higher (wrapping around).
    public func advanced(by steps: Int) -> Letter {
        Letter(rawValue: ((rawValue + steps) % 7 + 7) % 7)!
    }

    /// Parses an upper- or lower-case letter A–G.
    public init?(character: Character) {
        switch character {
        case "C", "c": self = .c
        case "D", "d": self = .d
        case "E", "e": self = .e
        case "F", "f": self = .f
        case "G", "g": self = .g
        case "A", "a": self = .a
        case "B", "b": self = .b
        default: return nil
        }
    }

    public static func < (a: Letter, b: Letter) -> Bool { a.rawValue < b.rawValue }
}

extension Letter: CustomStringConvertible {
    /// The upper-case letter name.
    public var description: String { ["C", "D", "E", "F", "G", "A", "B"][rawValue] }
}

/// An accidental: how far a written note is raised or lowered from its letter.
public enum Accidental: Int, Sendable, Hashable, Codable, CaseIterable {
    case doubleFlat = -2, flat = -1, natural = 0, sharp = 1, doubleSharp = 2

    /// Semitones of alteration, -2...2.
    public var alteration: Int { rawValue }

    /// The accidental for an alteration in -2...2, or nil.
    public init?(alteration: Int) { self.init(rawValue: alteration) }
}

extension Accidental: CustomStringConvertible {
    /// `bb`, `b`, empty, `#`, `##`.
    public var description: String { ["bb", "b", "", "#", "##"][rawValue + 2] }
}

/// A pitch class with a name: a letter and an accidental (F#, Bb). Used for key tonics and chord roots.
public struct PitchSpelling: Sendable, Hashable, Codable {
    /// The letter.
    public var letter: Letter
    /// The accidental.
    public var accidental: Accidental

    /// Creates a spelling from a letter and an accidental (natural by default).
    public init(_ letter: Letter, _ accidental: Accidental = .natural) {
        self.letter = letter
        self.accidental = accidental
    }

    /// Creates a spelling from a letter and an accidental.
    public init(letter: Letter, accidental: Accidental = .natural) { self.init(letter, accidental) }

    /// The pitch class 0...11.
    public var pitchClass: Int { ((letter.naturalSemitones + accidental.alteration) % 12 + 12) % 12 }

    /// Parses `C`, `F#`, `Bb`, `Eb`, `c#` (letter, then `#`/`b`/`##`/`bb`, or `♯`/`♭`).
    public init?(_ text: some StringProtocol) {
        guard let first = text.first, let letter = Letter(character: first) else { return nil }
        let rest = text.dropFirst()
        let accidental: Accidental
        switch rest {
        case "": accidental = .natural
        case "#", "♯": accidental = .sharp
        case "b", "♭": accidental = .flat
        case "##", "x": accidental = .doubleSharp
        case "bb": accidental = .doubleFlat
        default: return nil
        }
        self.init(letter, accidental)
    }

    /// The spelling `interval` above this one (letter moved by the interval's steps).
    public func transposed(by interval: Interval) -> PitchSpelling? {
        let newLetter = letter.advanced(by: interval.steps)
        let target = ((pitchClass + interval.semitones) % 12 + 12) % 12
        var alter = target - newLetter.naturalSemitones
        alter = ((alter + 6) % 12 + 12) % 12 - 6
        guard let acc = Accidental(alteration: alter) else { return nil }
        return PitchSpelling(newLetter, acc)
    }
}

extension PitchSpelling: CustomStringConvertible {
    /// e.g. `F#`, `Bb`.
    public var description: String { "\(letter)\(accidental)" }
}

/// A written note: letter, accidental and octave (scientific octaves: middle C is C4).
public struct SpelledNote: Sendable, Hashable, Codable {
    /// The letter.
    public var letter: Letter
    /// The accidental as written or implied by the key.
    public var accidental: Accidental
    /// The octave number; octave 4 starts at middle C. B#3 sounds as C4; Cb4 sounds as B3.
    public var octave: Int

    /// Creates a written note.
    public init(letter: Letter, accidental: Accidental = .natural, octave: Int) {
        self.letter = letter
        self.accidental = accidental
        self.octave = octave
    }

    /// Semitones above C in octave 0 (C0 = 0; may be negative below C0).
    public var semitonesFromC0: Int { octave * 12 + letter.naturalSemitones + accidental.alteration }

    /// The sounding pitch; throws when it is outside the MIDI range.
    public var pitch: Pitch {
        get throws(NotationError) { try Pitch(midi: semitonesFromC0 + 12) }
    }

    /// The name without octave.
    public var spelling: PitchSpelling { PitchSpelling(letter, accidental) }

    /// The note moved by an interval, spelled by the interval's letter steps; nil when that needs more
    /// than a double accidental.
    public func transposed(by interval: Interval) -> SpelledNote? {
        let letterIndex = octave * 7 + letter.index + interval.steps
        let newOctave = letterIndex >= 0 ? letterIndex / 7 : -((-letterIndex + 6) / 7)
        let newLetter = Letter(rawValue: letterIndex - newOctave * 7)!
        let target = semitonesFromC0 + interval.semitones
        let alter = target - (newOctave * 12 + newLetter.naturalSemitones)
        guard let acc = Accidental(alteration: alter) else { return nil }
        return SpelledNote(letter: newLetter, accidental: acc, octave: newOctave)
    }
}

extension SpelledNote: CustomStringConvertible {
    /// e.g. `C4`, `F#5`, `Bb3`.
    public var description: String { "\(letter)\(accidental)\(octave)" }
}
