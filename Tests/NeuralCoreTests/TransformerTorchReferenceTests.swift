import Foundation
import Testing
@testable import NeuralCore

/// Compares NeuralCore's transformer with PyTorch on a reference file written by
/// Scripts/neural/check_transformer_vs_torch.py: logits, loss and every gradient within 1e-4.
/// The committed tiny fixture is always checked; the script also points
/// NEURALCORE_TRANSFORMER_REFERENCE at a torch_ref.py-size reference it writes to a temporary folder.
private func checkTransformerReference(path: String) throws {
    let file = try SafetensorsFile(contentsOf: path)
    let m = file.metadata
    func size(_ key: String) throws -> Int { Int(try #require(m[key]))! }
    let config = TransformerLanguageModel.Configuration(
        vocabularySize: try size("vocab"), width: try size("d_model"), layerCount: try size("layers"),
        headCount: try size("heads"), feedForwardSize: try size("ff"), context: try size("context"))
    var pairs: [(String, Tensor)] = []
    for (name, shape) in config.parameterShapes { pairs.append((name, try file.floatTensor(name, shape: shape))) }
    let model = try TransformerLanguageModel(configuration: config, parameters: ParameterSet(pairs))
    let (shape, batch) = try file.integerTensor("ref.batch")
    let pass = try model.lossAndGradients(batch: batch, batchSize: shape[0])
    let refLogits = try file.floatTensor("ref.logits")
    #expect(pass.logits.shape == refLogits.shape)
    #expect(pass.logits.maxAbsDifference(refLogits) < 1e-4, "logits")
    let refLoss = try file.floatTensor("ref.loss").data[0]
    #expect(abs(pass.loss - refLoss) < 1e-4, "loss \(pass.loss) vs \(refLoss)")
    var worst: Float = 0
    for (name, grad) in zip(pass.gradients.names, pass.gradients.tensors) {
        let ref = try file.floatTensor("grad." + name, shape: grad.shape)
        #expect(grad.maxAbsDifference(ref) < 1e-4, "gradient of \(name)")
        worst = max(worst, grad.maxAbsDifference(ref))
    }
    print("transformer vs torch (\(path)): logits \(pass.logits.maxAbsDifference(refLogits)), worst gradient \(worst)")
}

@Test func transformerMatchesPyTorchOnTheTinyFixture() throws {
    let path = try #require(Bundle.module.path(forResource: "transformer_tiny_reference", ofType: "safetensors", inDirectory: "Fixtures"))
    try checkTransformerReference(path: path)
}

@Test(.enabled(if: ProcessInfo.processInfo.environment["NEURALCORE_TRANSFORMER_REFERENCE"] != nil))
func transformerMatchesPyTorchOnTheFullSizeReference() throws {
    try checkTransformerReference(path: ProcessInfo.processInfo.environment["NEURALCORE_TRANSFORMER_REFERENCE"]!)
}
