import Foundation
import Testing
@testable import NeuralCore

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
