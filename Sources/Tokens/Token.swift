import Notation

/// One symbol of the melody language the models read and write.
///
/// A tune is `<bos> S:style M:meter K:mode` followed by notes, rests, ties and bar lines, then `<eos>`.
/// A note is a pitch token then a duration token; a rest is `z` then a duration token. See README.md.
public enum Token: Sendable, Hashable, Codable {
    /// Padding in batches (never predicted).
    case pad
    /// Start of a tune.
    case begin
    /// End of a tune.
    case end
    /// A bar line.
    case bar
    /// The previous note continues into the next note of the same pitch.
    case tie
    /// A rest; a duration token follows.
    case rest
    /// The tune's style (`folk` when unknown).
    case style(String)
    /// The tune's meter as written (`6/8`, `C`, `C|`).
    case meter(String)
    /// The tune's mode.
    case mode(Mode)
    /// A pitch in semitones above the tonic in the octave of middle C (0 = tonic at C4's octave).
    case pitch(Int)
    /// A duration in quarter notes.
    case duration(Rational)

    /// The token's text, as the vocabulary lists it: `<bos>`, `|`, `~`, `z`, `S:jig`, `M:6/8`, `K:dorian`,
    /// `P:+7`, `D:3/2`.
    public var text: String {
        switch self {
        case .pad: return "<pad>"
        case .begin: return "<bos>"
        case .end: return "<eos>"
        case .bar: return "|"
        case .tie: return "~"
        case .rest: return "z"
        case .style(let s): return "S:\(s)"
        case .meter(let m): return "M:\(m)"
        case .mode(let m): return "K:\(m.rawValue)"
        case .pitch(let p): return p >= 0 ? "P:+\(p)" : "P:\(p)"
        case .duration(let d): return "D:\(d)"
        }
    }

    /// Parses a token's text (the inverse of ``text``).
    public init?(text: String) {
        switch text {
        case "<pad>": self = .pad
        case "<bos>": self = .begin
        case "<eos>": self = .end
        case "|": self = .bar
        case "~": self = .tie
        case "z": self = .rest
        default:
            guard text.count > 2, text.dropFirst().first == ":" else { return nil }
            let value = String(text.dropFirst(2))
            switch text.first {
            case "S": self = .style(value)
            case "M": self = .meter(value)
            case "K": guard let m = Mode(rawValue: value) else { return nil }; self = .mode(m)
            case "P": guard let p = Int(value.hasPrefix("+") ? String(value.dropFirst()) : value) else { return nil }; self = .pitch(p)
            case "D": guard let d = Rational(value), d > .zero else { return nil }; self = .duration(d)
            default: return nil
            }
        }
    }
}

extension Token: CustomStringConvertible {
    public var description: String { text }
}
