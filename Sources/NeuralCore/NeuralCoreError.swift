/// Every error NeuralCore throws. Each case says where (file, byte offset, tensor, metadata key)
/// and its description says what to do.
public enum NeuralCoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be read or written.
    case io(path: String, reason: String)
    /// The file ends before `needed` bytes at `byteOffset`.
    case truncated(path: String, byteOffset: Int, needed: Int, fileSize: Int)
    /// The safetensors header is not what the format requires at `byteOffset`.
    case malformedHeader(path: String, byteOffset: Int, reason: String)
    /// A tensor the model needs is absent from the file.
    case missingTensor(name: String, path: String)
    /// The file holds a tensor the model does not have.
    case unexpectedTensor(name: String, path: String)
    /// A tensor has a shape other than the model's.
    case wrongShape(name: String, path: String, expected: [Int], found: [Int])
    /// A tensor has a dtype other than the one requested.
    case wrongDType(name: String, path: String, expected: String, found: String)
    /// The file's `format_version` metadata is not one this build reads.
    case unsupportedFormatVersion(path: String, found: String, supported: String)
    /// A metadata entry is missing or not a valid value.
    case invalidMetadata(path: String, key: String, value: String?, reason: String)
    /// A token id is outside the vocabulary.
    case tokenOutOfRange(token: Int, vocabularySize: Int, position: Int)
    /// A configuration or argument is not usable.
    case invalidArgument(name: String, reason: String)

    /// What went wrong, where, and what to do about it.
    public var description: String {
        switch self {
        case let .io(path, reason):
            return "\(path): \(reason). Check that the path exists and is readable/writable."
        case let .truncated(path, offset, needed, size):
            return "\(path): truncated at byte offset \(offset): needs \(needed) more byte(s) but the file has \(size) bytes. "
                + "The file was cut short; re-export or re-download it."
        case let .malformedHeader(path, offset, reason):
            return "\(path): malformed safetensors header at byte offset \(offset): \(reason). "
                + "Is this a safetensors file (8-byte little-endian header length, then JSON)?"
        case let .missingTensor(name, path):
            return "\(path): tensor '\(name)' is missing. The file must hold every tensor of the model's state_dict "
                + "(names as in PyTorch, e.g. 'lstm.weight_ih_l0'); was it saved from a different model?"
        case let .unexpectedTensor(name, path):
            return "\(path): tensor '\(name)' is not part of this model. The file was saved from a model with a different "
                + "structure (more layers?) or its 'layers' metadata is wrong."
        case let .wrongShape(name, path, expected, found):
            return "\(path): tensor '\(name)' has shape \(found) but the model needs \(expected). "
                + "The file's configuration (vocab/embedding/hidden/layers) differs from the model's."
        case let .wrongDType(name, path, expected, found):
            return "\(path): tensor '\(name)' has dtype \(found) but \(expected) is required. "
                + "Save it as \(expected) (in PyTorch: tensor.to(torch.float32) before save_file)."
        case let .unsupportedFormatVersion(path, found, supported):
            return "\(path): format_version '\(found)' is not supported (this build reads \(supported)). "
                + "Re-export the weights with this version of Tunesmith or convert the file."
        case let .invalidMetadata(path, key, value, reason):
            return "\(path): metadata '\(key)' = \(value.map { "'\($0)'" } ?? "(absent)"): \(reason)."
        case let .tokenOutOfRange(token, v, position):
            return "token \(token) at position \(position) is outside the vocabulary 0..<\(v); "
                + "encode the input with the model's vocabulary."
        case let .invalidArgument(name, reason):
            return "invalid \(name): \(reason)."
        }
    }
}
