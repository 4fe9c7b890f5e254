/// Errors raised when a music value would be invalid. Values never clamp silently.
public enum NotationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A MIDI pitch outside 0...127.
    case pitchOutOfRange(Int)
    /// A velocity outside 1...127 (0 means note-off in MIDI and is not a note's loudness).
    case velocityOutOfRange(Int)
    /// A duration that is zero or negative where a sounding length is needed.
    case nonPositiveDuration(Rational)
    /// A meter whose numerator or denominator is not usable (denominator must be a power of two).
    case invalidMeter(numerator: Int, denominator: Int)
    /// A key or mode name that is not recognised.
    case unknownKey(String)
    /// A chord symbol that does not parse.
    case unknownChordSymbol(String)
    /// A tempo that is zero or negative.
    case invalidTempo(Rational)
    /// A GM program or MIDI channel out of range.
    case outOfRange(what: String, value: Int, range: ClosedRange<Int>)

    public var description: String {
        switch self {
        case .pitchOutOfRange(let p):
            return "pitch \(p) is outside the MIDI range 0...127; transpose by octaves to bring it back"
        case .velocityOutOfRange(let v):
            return "velocity \(v) is outside 1...127"
        case .nonPositiveDuration(let d):
            return "duration \(d) must be greater than zero"
        case .invalidMeter(let n, let d):
            return "meter \(n)/\(d) is not valid: the numerator must be 1...64 and the denominator a power of two 1...64"
        case .unknownKey(let k):
            return "unknown key '\(k)': write a tonic and a mode, e.g. G, Em, Ador, D mixolydian"
        case .unknownChordSymbol(let c):
            return "unknown chord symbol '\(c)': write a root and a quality, e.g. G, Am, D7, Bdim, C/E"
        case .invalidTempo(let t):
            return "tempo \(t) quarter notes per minute must be greater than zero"
        case .outOfRange(let what, let value, let range):
            return "\(what) \(value) is outside \(range.lowerBound)...\(range.upperBound)"
        }
    }
}
