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

@Test func trainingLowersTheLossAndIsDeterministic() throws {
    // a repeating pattern the model can learn quickly
    let pattern = [1, 4, 2, 7, 3, 9]
    let batch = (0..<4).flatMap { row in (0..<13).map { pattern[($0 + row) % pattern.count] } }  // (4, 13)
    func run() throws -> [Float] {
        var trainer = LSTMTrainer(model: try LSTMLanguageModel(configuration: tinyConfig, seed: 1),
                                  optimizer: .init(learningRate: 2e-2),
                                  schedule: LearningRateSchedule(maxRate: 2e-2, minRate: 2e-3, warmupSteps: 5, decaySteps: 60),
                                  maxGradientNorm: 1, seed: 9)
        return try (0..<60).map { _ in try trainer.train(batch: batch, batchSize: 4).loss }
    }
    let losses = try run()
    #expect(losses[0] > 2.0)                  // about ln 11 at the start
    #expect(losses.last! < 0.5 * losses[0])   // learned most of the pattern
    #expect(try run() == losses)              // same seeds, bit-identical losses (dropout included)
}

@Test func saveThenLoadRoundTripsWeightsAndMetadata() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("neuralcore-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("m.safetensors").path
    let m = try LSTMLanguageModel(configuration: tinyConfig, seed: 3)
    try m.save(to: path, metadata: ["vocabulary": "C D E", "corpus_sha256": "abc"])
    let (loaded, meta) = try LSTMLanguageModel.load(from: path)
    #expect(loaded.parameters == m.parameters)
    #expect(loaded.configuration == tinyConfig)
    #expect(meta["format_version"] == "1" && meta["vocabulary"] == "C D E" && meta["corpus_sha256"] == "abc")
    #expect(throws: NeuralCoreError.invalidMetadata(path: path, key: "vocab", value: "x", reason: "this key is written by the model itself; use another name")) {
        try m.save(to: path, metadata: ["vocab": "x"])
    }
}

/// Rewrites a saved model file with one change, for the error tests.
func modelFile(_ m: LSTMLanguageModel, metadata: [String: String] = [:], edit: (inout [(String, Tensor)]) -> Void = { _ in }) -> [UInt8] {
    var tensors = Array(zip(m.parameters.names, m.parameters.tensors))
    edit(&tensors)
    var meta = ["format_version": "1", "model": "lstm-melody", "vocab": "11", "emb": "6", "hidden": "8", "layers": "2"]
    meta.merge(metadata) { $1 }
    return SafetensorsFile.encode(tensors, metadata: meta)
}

@Test func loadingABadFileNamesTheTensorOrKey() throws {
    let m = try LSTMLanguageModel(configuration: tinyConfig, seed: 3)
    func load(_ bytes: [UInt8]) throws { _ = try LSTMLanguageModel.load(from: SafetensorsFile(bytes: bytes, path: "m.safetensors")) }
    #expect(throws: NeuralCoreError.unsupportedFormatVersion(path: "m.safetensors", found: "2", supported: "1")) {
        try load(modelFile(m, metadata: ["format_version": "2"]))
    }
    #expect(throws: NeuralCoreError.missingTensor(name: "lstm.bias_hh_l1", path: "m.safetensors")) {
        try load(modelFile(m) { $0.removeAll { $0.0 == "lstm.bias_hh_l1" } })
    }
    #expect(throws: NeuralCoreError.wrongShape(name: "head.weight", path: "m.safetensors", expected: [11, 8], found: [8, 11])) {
        try load(modelFile(m) { t in t[t.firstIndex { $0.0 == "head.weight" }!].1 = Tensor(shape: [8, 11]) })
    }
    #expect(throws: NeuralCoreError.unexpectedTensor(name: "lstm.weight_ih_l2", path: "m.safetensors")) {
        try load(modelFile(m) { $0.append(("lstm.weight_ih_l2", Tensor(shape: [1]))) })
    }
    #expect(throws: NeuralCoreError.invalidMetadata(path: "m.safetensors", key: "hidden", value: "eight", reason: "must be a positive integer")) {
        try load(modelFile(m, metadata: ["hidden": "eight"]))
    }
    let header = #"{"__metadata__":{"vocab":"11","emb":"6","hidden":"8","layers":"2"},"#
        + #""embed.weight":{"dtype":"F16","shape":[11,6],"data_offsets":[0,132]}}"#
    let f16 = [UInt8(header.utf8.count), 0, 0, 0, 0, 0, 0, 0] + Array(header.utf8) + [UInt8](repeating: 0, count: 132)
    #expect(throws: NeuralCoreError.wrongDType(name: "embed.weight", path: "m.safetensors", expected: "F32", found: "F16")) {
        try load(f16)
    }
    // a bare PyTorch export (no metadata at all) infers its sizes from the shapes
    let bare = SafetensorsFile.encode(Array(zip(m.parameters.names, m.parameters.tensors)))
    let (inferred, _) = try LSTMLanguageModel.load(from: SafetensorsFile(bytes: bare))
    #expect(inferred.configuration == LSTMLanguageModel.Configuration(vocabularySize: 11, embeddingSize: 6, hiddenSize: 8, layerCount: 2))
}

let anchorPath = "/work/shared/anchors/lstm_weights.safetensors"

/// Runs where the project's shared anchors are installed (reported as skipped elsewhere).
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
