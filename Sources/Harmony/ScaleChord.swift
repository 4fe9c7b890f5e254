import Notation

/// A chord built on a scale degree of a mode, with its Roman numeral and how common it is in that mode.
public struct ScaleChord: Sendable, Hashable {
    /// The scale degree of the root, 0 (tonic) ... 6.
    public var degree: Int
    /// The chord quality.
    public var quality: ChordQuality
    /// How common the chord is in the mode, 0...1 (the tonic is 1).
    public var commonness: Double

    /// Creates a scale chord.
    public init(degree: Int, quality: ChordQuality, commonness: Double) {
        self.degree = degree
        self.quality = quality
        self.commonness = commonness
    }

    /// The chord symbol in a key: the root spelled as the key signature spells that degree.
    public func symbol(in key: Key) -> ChordSymbol {
        ChordSymbol(root: key.scaleSpellings[degree], quality: quality)
    }

    /// The Roman numeral in a mode: upper case for major-third chords, lower case for minor, `°` for
    /// diminished, `7` for a dominant seventh, and `b` before degrees lower than the major scale's
    /// (`bVII` in mixolydian, `bIII` in dorian).
    public func numeral(in mode: Mode) -> String {
        let names = ["I", "II", "III", "IV", "V", "VI", "VII"]
        let lowered = mode.scaleSteps[degree] < Mode.major.scaleSteps[degree] ? "b" : ""
        let majorThird = quality.intervals.count > 1 && quality.intervals[1] == 4
        var name = majorThird ? names[degree] : names[degree].lowercased()
        switch quality {
        case .diminished: name += "°"
        case .dominantSeventh: name += "7"
        default: break
        }
        return lowered + name
    }

    /// True for the tonic chord.
    public var isTonic: Bool { degree == 0 }

    /// How strongly the chord leads to the tonic at a cadence: 1 for a major V or V7, 0.8 for a major
    /// bVII in a mode with a flat seventh, 0.5 for a minor v, else 0.
    public func dominantStrength(in mode: Mode) -> Double {
        let majorThird = quality.intervals.count > 1 && quality.intervals[1] == 4
        if degree == 4 { return majorThird ? 1 : 0.5 }
        if degree == 6, majorThird, mode.scaleSteps[6] == 10 { return 0.8 }
        return 0
    }
}

/// The chords the harmoniser chooses from in each mode.
public enum ChordVocabulary {
    /// Candidate chords of a mode, tonic first. Major: I IV V V7 vi ii. Minor: i iv v V V7 VI VII III.
    /// Dorian: i IV bVII bIII v. Mixolydian: I bVII IV v ii. Other modes: their diatonic triads without
    /// diminished ones.
    public static func chords(for mode: Mode) -> [ScaleChord] {
        switch mode {
        case .major:
            return [.init(degree: 0, quality: .major, commonness: 1), .init(degree: 3, quality: .major, commonness: 0.9),
                    .init(degree: 4, quality: .major, commonness: 0.9), .init(degree: 4, quality: .dominantSeventh, commonness: 0.5),
                    .init(degree: 5, quality: .minor, commonness: 0.6), .init(degree: 1, quality: .minor, commonness: 0.6)]
        case .minor:
            return [.init(degree: 0, quality: .minor, commonness: 1), .init(degree: 3, quality: .minor, commonness: 0.7),
                    .init(degree: 4, quality: .minor, commonness: 0.5), .init(degree: 4, quality: .major, commonness: 0.7),
                    .init(degree: 4, quality: .dominantSeventh, commonness: 0.4), .init(degree: 5, quality: .major, commonness: 0.7),
                    .init(degree: 6, quality: .major, commonness: 0.8), .init(degree: 2, quality: .major, commonness: 0.6)]
        case .dorian:
            return [.init(degree: 0, quality: .minor, commonness: 1), .init(degree: 3, quality: .major, commonness: 0.8),
                    .init(degree: 6, quality: .major, commonness: 0.9), .init(degree: 2, quality: .major, commonness: 0.6),
                    .init(degree: 4, quality: .minor, commonness: 0.5)]
        case .mixolydian:
            return [.init(degree: 0, quality: .major, commonness: 1), .init(degree: 6, quality: .major, commonness: 0.9),
                    .init(degree: 3, quality: .major, commonness: 0.8), .init(degree: 4, quality: .minor, commonness: 0.6),
                    .init(degree: 1, quality: .minor, commonness: 0.5)]
        case .phrygian, .lydian, .locrian:
            return (0..<7).compactMap { degree -> ScaleChord? in
                let steps = mode.scaleSteps
                let third = (steps[(degree + 2) % 7] - steps[degree] + 12) % 12
                let fifth = (steps[(degree + 4) % 7] - steps[degree] + 12) % 12
                let quality: ChordQuality
                switch (third, fifth) {
                case (4, 7): quality = .major
                case (3, 7): quality = .minor
                default:
                    guard degree == 0 else { return nil }
                    quality = .diminished
                }
                return ScaleChord(degree: degree, quality: quality, commonness: degree == 0 ? 1 : 0.6)
            }
        }
    }

    /// The chord with a numeral in a mode (`"IV"`, `"V7"`, `"bVII"`), or nil.
    public static func chord(_ numeral: String, in mode: Mode) -> ScaleChord? {
        chords(for: mode).first { $0.numeral(in: mode) == numeral }
    }

    /// The chord symbols of a progression of numerals in a key (`["I", "IV", "V", "I"]` in G: G C D G);
    /// nil when a numeral is not in the key's vocabulary.
    public static func progression(_ numerals: [String], in key: Key) -> [ChordSymbol]? {
        var symbols: [ChordSymbol] = []
        for numeral in numerals {
            guard let chord = chord(numeral, in: key.mode) else { return nil }
            symbols.append(chord.symbol(in: key))
        }
        return symbols
    }
}
