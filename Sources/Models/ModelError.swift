import NeuralCore

/// Errors loading, training or sampling melody models; each names the file and says what to do.
public enum ModelError: Error, Sendable, CustomStringConvertible {
    /// The neural core refused something (shape, dtype, truncated file…): its message names the tensor.
    case neural(NeuralCoreError)
    /// A model file lacks Tunesmith's metadata or has an unreadable vocabulary.
    case notAMelodyModel(path: String, reason: String)
    /// The model's vocabulary differs from the one the tokens use.
    case vocabularyMismatch(path: String)
    /// A checkpoint does not belong to this training configuration.
    case checkpointMismatch(path: String, reason: String)
    /// A training or sampling setting is out of range.
    case invalidSetting(String)

    public var description: String {
        switch self {
        case .neural(let e): return e.description
        case .notAMelodyModel(let path, let reason):
            return "'\(path)' is not a Tunesmith melody model (\(reason)); train one with 'compose train'"
        case .vocabularyMismatch(let path):
            return "'\(path)' was trained on another token vocabulary; retrain it with this version's 'compose train'"
        case .checkpointMismatch(let path, let reason):
            return "checkpoint '\(path)' does not match this run (\(reason)); delete it or resume with the same options"
        case .invalidSetting(let s): return s
        }
    }
}
