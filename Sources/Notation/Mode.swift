/// A diatonic mode. `major` is Ionian, `minor` is Aeolian.
public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
    case major, minor, dorian, mixolydian, phrygian, lydian, locrian

    /// Signature offset on the circle of fifths from the major key on the same tonic
    /// (D dorian has the signature of C major: 2 − 2 = 0 sharps).
    public var fifthsOffset: Int {
        switch self {
        case .lydian: return 1
        case .major: return 0
        case .mixolydian: return -1
        case .dorian: return -2
        case .minor: return -3
        case .phrygian: return -4
        case .locrian: return -5
        }
    }

    /// Semitones of the seven degrees above the tonic.
    public var scaleSteps: [Int] {
        switch self {
        case .major: return [0, 2, 4, 5, 7, 9, 11]
        case .dorian: return [0, 2, 3, 5, 7, 9, 10]
        case .phrygian: return [0, 1, 3, 5, 7, 8, 10]
        case .lydian: return [0, 2, 4, 6, 7, 9, 11]
        case .mixolydian: return [0, 2, 4, 5, 7, 9, 10]
        case .minor: return [0, 2, 3, 5, 7, 8, 10]
        case .locrian: return [0, 1, 3, 5, 6, 8, 10]
        }
    }

    /// True for modes with a minor third above the tonic.
    public var isMinorLike: Bool { scaleSteps[2] == 3 }

    /// Parses a mode word as ABC and common usage write it, case-insensitively, by its first three
    /// letters: `maj`, `ion`, `m`, `min`, `aeo`, `dor`, `mix`, `phr`, `lyd`, `loc`; empty means major.
    public init?(word: some StringProtocol) {
        let w = word.lowercased()
        if w.isEmpty { self = .major; return }
        if w == "m" { self = .minor; return }
        guard w.count >= 3 else { return nil }
        switch w.prefix(3) {
        case "maj", "ion": self = .major
        case "min", "aeo": self = .minor
        case "dor": self = .dorian
        case "mix": self = .mixolydian
        case "phr": self = .phrygian
        case "lyd": self = .lydian
        case "loc": self = .locrian
        default: return nil
        }
    }
}
