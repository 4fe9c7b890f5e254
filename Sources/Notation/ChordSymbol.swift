/// The quality of a chord symbol: which intervals stand above the root.
public enum ChordQuality: String, Sendable, Hashable, Codable, CaseIterable {
    case major, minor, diminished, augmented
    case dominantSeventh, majorSeventh, minorSeventh, halfDiminishedSeventh, diminishedSeventh
    case suspendedSecond, suspendedFourth, majorSixth, minorSixth, power

    /// Semitones above the root of each chord tone, root first.
    public var intervals: [Int] {
        switch self {
        case .major: return [0, 4, 7]
        case .minor: return [0, 3, 7]
        case .diminished: return [0, 3, 6]
        case .augmented: return [0, 4, 8]
        case .dominantSeventh: return [0, 4, 7, 10]
        case .majorSeventh: return [0, 4, 7, 11]
        case .minorSeventh: return [0, 3, 7, 10]
        case .halfDiminishedSeventh: return [0, 3, 6, 10]
        case .diminishedSeventh: return [0, 3, 6, 9]
        case .suspendedSecond: return [0, 2, 7]
        case .suspendedFourth: return [0, 5, 7]
        case .majorSixth: return [0, 4, 7, 9]
        case .minorSixth: return [0, 3, 7, 9]
        case .power: return [0, 7]
        }
    }

    /// The suffix written after the root: `""`, `m`, `dim`, `aug`, `7`, `maj7`, `m7`, `m7b5`, `dim7`,
    /// `sus2`, `sus4`, `6`, `m6`, `5`.
    public var suffix: String {
        switch self {
        case .major: return ""
        case .minor: return "m"
        case .diminished: return "dim"
        case .augmented: return "aug"
        case .dominantSeventh: return "7"
        case .majorSeventh: return "maj7"
        case .minorSeventh: return "m7"
        case .halfDiminishedSeventh: return "m7b5"
        case .diminishedSeventh: return "dim7"
        case .suspendedSecond: return "sus2"
        case .suspendedFourth: return "sus4"
        case .majorSixth: return "6"
        case .minorSixth: return "m6"
        case .power: return "5"
        }
    }

    /// Every spelling accepted for each quality (checked longest first).
    static let spellings: [(String, ChordQuality)] = [
        ("m7b5", .halfDiminishedSeventh), ("min7", .minorSeventh), ("maj7", .majorSeventh), ("dim7", .diminishedSeventh),
        ("sus2", .suspendedSecond), ("sus4", .suspendedFourth), ("-7", .minorSeventh), ("M7", .majorSeventh),
        ("ø7", .halfDiminishedSeventh), ("o7", .diminishedSeventh), ("min", .minor), ("maj", .major), ("dim", .diminished),
        ("aug", .augmented), ("sus", .suspendedFourth), ("m7", .minorSeventh), ("m6", .minorSixth), ("mi", .minor),
        ("+", .augmented), ("o", .diminished), ("°", .diminished), ("7", .dominantSeventh), ("6", .majorSixth),
        ("5", .power), ("m", .minor), ("-", .minor), ("M", .major), ("", .major),
    ]
}

/// A chord name such as `G`, `Am7`, `D/F#`: a root, a quality and an optional bass note.
public struct ChordSymbol: Sendable, Hashable, Codable {
    /// The root.
    public var root: PitchSpelling
    /// The quality.
    public var quality: ChordQuality
    /// The bass note when it is not the root (`C/E`).
    public var bass: PitchSpelling?

    /// Creates a chord symbol.
    public init(root: PitchSpelling, quality: ChordQuality = .major, bass: PitchSpelling? = nil) {
        self.root = root
        self.quality = quality
        self.bass = bass
    }

    /// Parses a chord name (`G`, `Am`, `F#m7`, `Bb7`, `Ddim`, `C/E`, `Gsus4`); nil for text that is not one.
    public init?(parsing text: some StringProtocol) {
        var s = Substring(text)
        var bass: PitchSpelling?
        if let slash = s.lastIndex(of: "/") {
            guard let b = PitchSpelling(s[s.index(after: slash)...]) else { return nil }
            bass = b
            s = s[..<slash]
        }
        guard let first = s.first, first.isUppercase, let letter = Letter(character: first) else { return nil }
        s = s.dropFirst()
        var accidental = Accidental.natural
        if s.first == "#" || s.first == "♯" { accidental = .sharp; s = s.dropFirst() }
        else if s.first == "b" || s.first == "♭" { accidental = .flat; s = s.dropFirst() }
        guard let quality = ChordQuality.spellings.first(where: { $0.0 == s })?.1 else { return nil }
        self.init(root: PitchSpelling(letter, accidental), quality: quality, bass: bass)
    }

    /// The pitch classes of the chord tones, root first (the bass, if other, not included).
    public var pitchClasses: [Int] { quality.intervals.map { (root.pitchClass + $0) % 12 } }

    /// The pitch class that sounds lowest: the bass when given, else the root.
    public var bassPitchClass: Int { (bass ?? root).pitchClass }
}

extension ChordSymbol: CustomStringConvertible {
    /// The conventional name, e.g. `Am7`, `D/F#`.
    public var description: String {
        "\(root)\(quality.suffix)" + (bass.map { "/\($0)" } ?? "")
    }
}

/// A chord symbol placed at a time.
public struct TimedChordSymbol: Sendable, Hashable, Codable {
    /// When the chord starts, in quarter notes.
    public var onset: Rational
    /// The chord.
    public var symbol: ChordSymbol

    /// Creates a timed chord symbol.
    public init(onset: Rational, symbol: ChordSymbol) {
        self.onset = onset
        self.symbol = symbol
    }
}
