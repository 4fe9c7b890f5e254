import Foundation
import Testing
@testable import NeuralCore

let tinyConfig = LSTMLanguageModel.Configuration(vocabularySize: 11, embeddingSize: 6, hiddenSize: 8, layerCount: 2, dropout: 0.2)

@Test func parameterNamesAndShapesMatchPyTorchsStateDict() throws {
    let m = try LSTMLanguageModel(configuration: LSTMLanguageModel.Configuration(), seed: 0)
    // names and shapes from /work/shared/anchors/lstm_weights.safetensors (torch_ref.py's LSTM)
    let expected: [(String, [Int])] = [
        ("embed.weight", [128, 128]),
        ("lstm.weight_ih_l0", [1024, 128]), ("lstm.weight_hh_l0", [1024, 256]), ("lstm.bias_ih_l0", [1024]), ("lstm.bias_hh_l0", [1024]),
        ("lstm.weight_ih_l1", [1024, 256]), ("lstm.weight_hh_l1", [1024, 256]), ("lstm.bias_ih_l1", [1024]), ("lstm.bias_hh_l1", [1024]),
        ("head.weight", [128, 256]), ("head.bias", [128]),
    ]
    #expect(m.parameters.names == expected.map(\.0))
    #expect(m.parameters.tensors.map(\.shape) == expected.map(\.1))
    #expect(m.parameters.scalarCount == 970_880)  // the anchor file's data section: 3,883,520 bytes / 4
}

@Test func sameSeedSameWeightsDifferentSeedDifferentWeights() throws {
    let a = try LSTMLanguageModel(configuration: tinyConfig, seed: 5)
    let b = try LSTMLanguageModel(configuration: tinyConfig, seed: 5)
    let c = try LSTMLanguageModel(configuration: tinyConfig, seed: 6)
    #expect(a.parameters == b.parameters)
    #expect(a.parameters != c.parameters)
    let bound = 1 / Float(8).squareRoot()
    #expect(a.parameters["lstm.weight_hh_l1"].data.allSatisfy { abs($0) <= bound })
}

@Test func invalidConfigurationsAndTokensAreErrors() throws {
    var bad = tinyConfig
    bad.hiddenSize = 0
    #expect(throws: NeuralCoreError.invalidArgument(name: "hidden size", reason: "0 must be positive")) {
        try LSTMLanguageModel(configuration: bad, seed: 0)
    }
    let m = try LSTMLanguageModel(configuration: tinyConfig, seed: 0)
    var rng = Xoshiro256StarStar(seed: 0)
    #expect(throws: NeuralCoreError.tokenOutOfRange(token: 11, vocabularySize: 11, position: 3)) {
        try m.lossAndGradients(batch: [1, 2, 3, 11], batchSize: 1, using: &rng)
    }
    #expect(throws: NeuralCoreError.self) { try m.lossAndGradients(batch: [1, 2, 3], batchSize: 2, using: &rng) }
}

func modelFile(_ m: LSTMLanguageModel, metadata: [String: String] = [:], edit: (inout [(String, Tensor)]) -> Void = { _ in }) -> [UInt8] {
    var tensors = Array(zip(m.parameters.names, m.parameters.tensors))
    edit(&tensors)
    var meta = ["format_version": "1", "model": "lstm-melody", "vocab": "11", "emb": "6", "hidden": "8", "layers": "2"]
    meta.merge(metadata) { $1 }
    return SafetensorsFile.encode(tensors, metadata: meta)
}

@Test(.enabled(if: FileManager.default.fileExists(atPath: anchorPath)))
func loadsTheSharedPyTorchAnchorWeights() throws {
    let path = anchorPath
    let (m, meta) = try LSTMLanguageModel.load(from: path)
    #expect(meta["model"] == "lstm-melody" && meta["format_version"] == nil)
    #expect(m.configuration == LSTMLanguageModel.Configuration())
    #expect(m.parameters.scalarCount == 970_880)
    // the logits of a short sequence are finite and not all equal
    let logits = try m.logits(tokens: [60, 62, 64, 65], batchSize: 1)
    #expect(logits.shape == [1, 4, 128] && logits.data.allSatisfy(\.isFinite))
    #expect(Set(logits.data).count > 100)
}
