import Foundation
import Testing
@testable import NeuralCore

@Test func parametersCarryTorchRefStateDictNamesAndSizes() throws {
    let config = TransformerLanguageModel.Configuration()   // torch_ref.py's transformer
    let model = try TransformerLanguageModel(configuration: config, seed: 1)
    #expect(model.parameters.names.first == "tok.weight")
    #expect(model.parameters.names.contains("blocks.3.fc2.bias"))
    #expect(model.parameters.names.last == "head.bias")
    // PyTorch's n_params for TransformerMelody() (torch_ref.py prints it: 1,860,224)
    #expect(model.parameters.scalarCount == 128 * 192 + 256 * 192 + 4 * (2 * 192 + 3 * 192 * 193 + 192 * 193 + 2 * 192 + 768 * 193 + 192 * 769) + 2 * 192 + 128 * 193)
    #expect(throws: NeuralCoreError.self) { try TransformerLanguageModel.Configuration(width: 10, headCount: 4).validate() }
}

/// Whole-model finite differences on a sample of every parameter tensor (the layers are checked one by one elsewhere).
@Test func modelGradientsMatchFiniteDifferences() throws {
    let config = TransformerLanguageModel.Configuration(vocabularySize: 7, width: 8, layerCount: 2, headCount: 2,
                                                        feedForwardSize: 12, context: 6)
    var model = try TransformerLanguageModel(configuration: config, seed: 9)
    var rng = Xoshiro256StarStar(seed: 10)
    for k in model.parameters.tensors.indices {
        for i in model.parameters.tensors[k].data.indices { model.parameters.tensors[k].data[i] += 0.3 * rng.nextNormal() }
    }
    let batch = (0..<12).map { _ in Int(rng.next() % 7) }   // B 2 × (T 5 + 1)
    let pass = try model.lossAndGradients(batch: batch, batchSize: 2)
    for (k, name) in model.parameters.names.enumerated() {
        let count = model.parameters.tensors[k].count
        let probes = Array(Set((0..<4).map { _ in Int(rng.next() % UInt64(count)) })).sorted()
        var analytic: [Float] = [], numeric: [Double] = []
        for i in probes {
            let eps: Float = 1e-2
            var m = model
            m.parameters.tensors[k].data[i] += eps
            let plus = Double(try m.lossAndGradients(batch: batch, batchSize: 2).loss)
            m.parameters.tensors[k].data[i] -= 2 * eps
            let minus = Double(try m.lossAndGradients(batch: batch, batchSize: 2).loss)
            numeric.append((plus - minus) / Double(2 * eps))
            analytic.append(pass.gradients.tensors[k].data[i])
        }
        let worst = zip(analytic, numeric).map { abs(Double($0) - $1) }.max()!
        #expect(worst < 2e-3, "\(name): analytic \(analytic) numeric \(numeric)")
    }
}

@Test func weightFilesRoundTripAndRejectOtherModels() throws {
    let model = try TransformerLanguageModel(configuration: .init(vocabularySize: 9, width: 8, layerCount: 1, headCount: 2,
                                                                  feedForwardSize: 16, context: 5), seed: 4)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tf-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("m.safetensors").path
    try model.save(to: path, metadata: ["note": "x"])
    let (loaded, meta) = try TransformerLanguageModel.load(from: path)
    #expect(loaded.parameters == model.parameters)
    #expect(loaded.configuration == model.configuration)
    #expect(meta["note"] == "x" && meta["model"] == "transformer-melody")
    #expect(throws: NeuralCoreError.self) { try model.save(to: path, metadata: ["heads": "3"]) }
    let lstm = try LSTMLanguageModel(configuration: .init(vocabularySize: 9, embeddingSize: 4, hiddenSize: 4, layerCount: 1), seed: 1)
    let lstmPath = folder.appendingPathComponent("lstm.safetensors").path
    try lstm.save(to: lstmPath)
    #expect(throws: NeuralCoreError.invalidMetadata(path: lstmPath, key: "model", value: "lstm-melody",
                                                    reason: "this file holds a 'lstm-melody', not a transformer language model")) {
        try TransformerLanguageModel.load(from: lstmPath)
    }
}
