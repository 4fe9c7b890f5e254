import Harmony
import Notation

/// Everything that can go wrong while composing. Each case says what and where (option, file and
/// line:column, bar) and the message says what to do. ``isUsage`` separates option mistakes (exit 64 in the
/// command line) from failures of the input or the work (exit 1).
public enum EngineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An option's value is outside what the engine accepts.
    case invalidOption(option: String, reason: String)
    /// No style of that name; the nearest name when one is close.
    case unknownStyle(name: String, suggestion: String?)
    /// The requested model cannot be used (not shipped, not trained yet, or not a melody model).
    case modelUnavailable(reason: String)
    /// A motif that cannot open the tune: the source (file or `--motif-text`), where, and why.
    case invalidMotif(source: String, line: Int, column: Int, reason: String)
    /// A motif from a MIDI file that cannot open the tune: the file, the time in quarter notes, and why.
    case invalidMotifTiming(source: String, quarter: Rational, reason: String)
    /// The model failed while stepping (a token outside its vocabulary, a size mismatch).
    case modelFailed(reason: String)
    /// Harmony or accompaniment could not be written.
    case harmony(HarmonyError)
    /// A value could not be represented (a pitch outside MIDI, a bad part).
    case notation(String)
    /// A resource of the Engine module (novelty index) is missing or damaged.
    case resource(name: String, reason: String)

    /// True for mistakes in the request's options (a usage error), false for failures.
    public var isUsage: Bool {
        switch self {
        case .invalidOption, .unknownStyle, .invalidMotif, .invalidMotifTiming: return true
        case .harmony(.meterNotAllowed), .harmony(.unknownStyle), .harmony(.invalidAnacrusis): return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .invalidOption(let option, let reason):
            return "\(option): \(reason)"
        case .unknownStyle(let name, let suggestion):
            let known = Style.catalog.map(\.name).joined(separator: ", ")
            if let suggestion { return "unknown style '\(name)'; did you mean '\(suggestion)'? (styles: \(known))" }
            return "unknown style '\(name)' (styles: \(known)); 'compose styles' lists them"
        case .modelUnavailable(let reason):
            return reason
        case .invalidMotif(let source, let line, let column, let reason):
            return "\(source):\(line):\(column): \(reason)"
        case .invalidMotifTiming(let source, let quarter, let reason):
            return "\(source): at quarter \(quarter): \(reason)"
        case .modelFailed(let reason):
            return "the melody model failed: \(reason)"
        case .harmony(let error):
            return error.description
        case .notation(let reason):
            return reason
        case .resource(let name, let reason):
            return "the Engine resource \(name) is unusable: \(reason); rebuild it with Scripts/engine/regenerate.sh"
        }
    }
}
