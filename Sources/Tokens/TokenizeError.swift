import Notation

/// Why a melody cannot be written as tokens, or tokens cannot be read back as a melody.
public enum TokenizeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The style is not in the vocabulary.
    case unknownStyle(String)
    /// The meter is not in the vocabulary.
    case unknownMeter(String)
    /// Two events overlap in time: only one line is tokenized.
    case overlappingEvents(at: Rational)
    /// A pitch lies outside the vocabulary's range relative to the tonic.
    case pitchOutOfRange(Pitch, offset: Int, at: Rational)
    /// A length that no sum of the vocabulary's durations makes (a quintuplet, say).
    case durationNotRepresentable(Rational, at: Rational)
    /// A token id that is not in the vocabulary.
    case unknownTokenID(Int, position: Int)
    /// A token sequence that breaks the grammar (what was expected, and where).
    case malformed(String, position: Int)

    public var description: String {
        switch self {
        case .unknownStyle(let s): return "style '\(s)' is not in the vocabulary (\(Vocabulary.styles.joined(separator: ", ")))"
        case .unknownMeter(let m): return "meter \(m) is not in the vocabulary (\(Vocabulary.meters.joined(separator: " ")))"
        case .overlappingEvents(let t): return "events overlap at quarter \(t): the tokenizer reads one melodic line"
        case .pitchOutOfRange(let p, let off, let t):
            return "pitch \(p) at quarter \(t) is \(off) semitones from the tonic, outside \(Vocabulary.pitchRange)"
        case .durationNotRepresentable(let d, let t):
            return "length \(d) at quarter \(t) is not a sum of the vocabulary's durations"
        case .unknownTokenID(let id, let pos): return "token id \(id) at position \(pos) is not in the vocabulary"
        case .malformed(let what, let pos): return "malformed token sequence at position \(pos): \(what)"
        }
    }
}
