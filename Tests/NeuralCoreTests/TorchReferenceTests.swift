import Foundation
import Testing
@testable import NeuralCore

/// Compares NeuralCore with PyTorch on a reference file written by
/// Scripts/neural/check_lstm_vs_torch.py: logits, loss, every gradient, and the weights after two
/// clipped AdamW steps, all within 1e-4 (the weights where the gradient is not of roundoff size; see `check`). The committed tiny fixture is always checked; the script
/// also points NEURALCORE_TORCH_REFERENCE at a full-size reference it writes to a temporary folder.
struct TorchReference {
    let file: SafetensorsFile
    let model: LSTMLanguageModel
    let batch: [Int]
    let batchSize: Int

    init(path: String) throws {
        file = try SafetensorsFile(contentsOf: path)
        let m = file.metadata
        let config = LSTMLanguageModel.Configuration(
            vocabularySize: Int(try #require(m["vocab"]))!, embeddingSize: Int(try #require(m["emb"]))!,
            hiddenSize: Int(try #require(m["hidden"]))!, layerCount: Int(try #require(m["layers"]))!)
        var pairs: [(String, Tensor)] = []
        for (name, shape) in config.parameterShapes { pairs.append((name, try file.floatTensor(name, shape: shape))) }
        model = try LSTMLanguageModel(configuration: config, parameters: ParameterSet(pairs))
        let (shape, values) = try file.integerTensor("ref.batch")
        batchSize = shape[0]
        batch = values
    }

    static var fixturePath: String {
        Bundle.module.path(forResource: "lstm_tiny_reference", ofType: "safetensors", inDirectory: "Fixtures")!
    }

    /// Runs every comparison.
    func check() throws {
        var rng = Xoshiro256StarStar(seed: 0)
        let pass = try model.lossAndGradients(batch: batch, batchSize: batchSize, training: false, using: &rng)
        let refLogits = try file.floatTensor("ref.logits")
        #expect(pass.logits.shape == refLogits.shape)
        #expect(pass.logits.maxAbsDifference(refLogits) < 1e-4, "logits")
        var worstGradient: Float = 0
        let refLoss = try file.floatTensor("ref.loss").data[0]
        #expect(abs(pass.loss - refLoss) < 1e-4, "loss \(pass.loss) vs \(refLoss)")
        // and the evaluation path gives the same logits
        let width = batch.count / batchSize  // T + 1
        var inputs: [Int] = []
        for row in 0..<batchSize { inputs += batch[row * width..<(row + 1) * width - 1] }
        #expect(try model.logits(tokens: inputs, batchSize: batchSize).maxAbsDifference(refLogits) < 1e-4)
        for (name, grad) in zip(pass.gradients.names, pass.gradients.tensors) {
            let ref = try file.floatTensor("grad." + name, shape: grad.shape)
            #expect(grad.maxAbsDifference(ref) < 1e-4, "gradient of \(name)")
            worstGradient = max(worstGradient, grad.maxAbsDifference(ref))
        }
        // two steps of clip_grad_norm_ + AdamW on the same batch
        let lr = Float(try #require(file.metadata["lr"]))!
        let decay = Float(try #require(file.metadata["weight_decay"]))!
        let maxNorm = Float(try #require(file.metadata["max_norm"]))!
        var trainer = try LSTMTrainer(model: model, optimizer: .init(learningRate: lr, weightDecay: decay), maxGradientNorm: maxNorm)
        let first = try trainer.train(batch: batch, batchSize: batchSize)
        #expect(first.gradientNorm > maxNorm, "the reference is built so that clipping is active")
        try trainer.train(batch: batch, batchSize: batchSize)
        // Where a gradient is itself of roundoff size (|g| < 1e-7, next to AdamW's ε = 1e-8), the step
        // lr · m̂ / (√v̂ + ε) divides roundoff by roundoff: a gradient that agrees within 1e-9 can move the
        // weight by ~lr / 100 more or less (seen: head.weight, g −2.39e-8 vs PyTorch's −2.51e-8). There the
        // weights must agree within two full steps, 2 · lr · (1 + decay); everywhere else within 1e-4.
        var worstStep: Float = 0
        for (name, p) in zip(trainer.model.parameters.names, trainer.model.parameters.tensors) {
            let ref = try file.floatTensor("step2." + name, shape: p.shape)
            let refGrad = try file.floatTensor("grad." + name, shape: p.shape)
            var worst: Float = 0, worstIllConditioned: Float = 0
            for i in 0..<p.count {
                let d = abs(p.data[i] - ref.data[i])
                if abs(refGrad.data[i]) >= 1e-7 { worst = max(worst, d) } else { worstIllConditioned = max(worstIllConditioned, d) }
            }
            #expect(worst < 1e-4, "\(name) after two AdamW steps")
            #expect(worstIllConditioned < 2 * lr * (1 + decay), "\(name) after two AdamW steps, where |gradient| < 1e-7")
            worstStep = max(worstStep, worst)
        }
        print("TorchReference \(file.path): max |Δ| logits \(pass.logits.maxAbsDifference(refLogits)), "
              + "loss \(abs(pass.loss - refLoss)), gradients \(worstGradient), weights after 2 AdamW steps \(worstStep) "
              + "(where |gradient| ≥ 1e-7)")
    }
}

@Test func matchesPyTorchOnTheCommittedTinyFixture() throws {
    try TorchReference(path: TorchReference.fixturePath).check()
}

/// Set by Scripts/neural/check_lstm_vs_torch.py; without it this test checks nothing extra,
/// which is why the fixture test above exists.
@Test(.enabled(if: ProcessInfo.processInfo.environment["NEURALCORE_TORCH_REFERENCE"] != nil))
func matchesPyTorchOnTheScriptsFullSizeReference() throws {
    let path = ProcessInfo.processInfo.environment["NEURALCORE_TORCH_REFERENCE"]!
    let reference = try TorchReference(path: path)
    #expect(reference.model.configuration.hiddenSize >= 6)
    try reference.check()
}
