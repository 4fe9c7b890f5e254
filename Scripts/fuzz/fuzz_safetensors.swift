// libFuzzer entry point for NeuralCore's safetensors loader (built by Scripts/fuzz/run.sh safetensors; not a
// SwiftPM target, since Package.swift is shared). For every input it checks:
//   - `SafetensorsFile(bytes:)` never traps and never hangs; its error's byte offset names a place in the input;
//   - every tensor the header lists reads as F32 or I64 (or is refused with an error), without trapping;
//   - `LSTMLanguageModel.load(from:)` and `TransformerLanguageModel.load(from:)` never trap (bad metadata,
//     missing or extra tensors and wrong shapes are errors), and a model that loads writes and reads back
//     to the same weights.
import NeuralCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    // A malformed header is named by a byte offset inside the input; missing bytes by an offset at or past its
    // end (where a tensor's data would start), with a positive count of bytes needed.
    func checkOffset(_ error: NeuralCoreError) {
        var named = true
        switch error {
        case .malformedHeader(_, let offset, _): named = offset >= 0 && offset <= size
        case .truncated(_, let offset, let needed, _): named = offset >= 0 && needed > 0
        default: break
        }
        if !named { fatalError("a byte offset that names no place in the input (\(size) bytes): \(error)") }
    }
    let file: SafetensorsFile
    do { file = try SafetensorsFile(bytes: bytes, path: "fuzz") } catch {
        checkOffset(error)
        return 0
    }
    for (name, entry) in file.entries {
        if entry.byteRange.lowerBound < 8 || entry.byteRange.upperBound > size {
            fatalError("entry '\(name)' lies outside the input: \(entry.byteRange) of \(size) bytes")
        }
        _ = try? file.floatTensor(name)
        _ = try? file.integerTensor(name)
    }
    // Weights compared bit for bit (a fuzzed weight may be NaN, which == would call different).
    func bits(_ tensors: [Tensor]?) -> [[UInt32]]? { tensors?.map { $0.data.map(\.bitPattern) } }
    if let (model, metadata) = try? LSTMLanguageModel.load(from: file) {
        let pairs = Array(zip(model.parameters.names, model.parameters.tensors))
        let again = try? LSTMLanguageModel.load(from: SafetensorsFile(bytes: SafetensorsFile.encode(pairs, metadata: metadata)))
        if bits(again?.model.parameters.tensors) != bits(model.parameters.tensors) { fatalError("an LSTM that loaded does not write and read back") }
    }
    if let (model, metadata) = try? TransformerLanguageModel.load(from: file) {
        let pairs = Array(zip(model.parameters.names, model.parameters.tensors))
        let again = try? TransformerLanguageModel.load(from: SafetensorsFile(bytes: SafetensorsFile.encode(pairs, metadata: metadata)))
        if bits(again?.model.parameters.tensors) != bits(model.parameters.tensors) { fatalError("a transformer that loaded does not write and read back") }
    }
    return 0
}
