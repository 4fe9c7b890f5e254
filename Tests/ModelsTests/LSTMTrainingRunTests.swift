import Foundation
import NeuralCore
import Notation
import Testing
import Tokens
@testable import Models

@Suite struct LSTMTrainingRunTests {
    /// Tunes as token sequences from a simple pattern, so a tiny model can learn something.
    static func tunes(_ count: Int, seed: UInt64) -> [[Int]] {
        var g = SplitMix(seed: seed)
        let v = Vocabulary.standard
        return (0..<count).map { _ in
            var s = [1, v.id(of: .style("jig"))!, v.id(of: .meter("6/8"))!, v.id(of: .mode(.major))!]
            var p = Int(g.next() % 8)
            for _ in 0..<30 {
                s += [v.id(of: .pitch(p))!, v.id(of: .duration(Rational(1, 2)))!]
                p = (p + [2, 2, -2, 5][Int(g.next() % 4)] + 24) % 12
            }
            return s + [3, 2]
        }
    }

    static func tiny(steps: Int = 24) -> LSTMTrainingConfiguration {
        var c = LSTMTrainingConfiguration()
        c.embeddingSize = 8; c.hiddenSize = 16; c.layerCount = 2; c.dropout = 0.1
        c.batchSize = 4; c.sequenceLength = 16; c.steps = steps; c.warmupSteps = 2
        c.maxLearningRate = 1e-2; c.evaluateEvery = 12; c.checkpointEvery = 12; c.seed = 5
        return c
    }

    func run(_ c: LSTMTrainingConfiguration) throws -> LSTMTrainingRun {
        try LSTMTrainingRun(configuration: c, training: Self.tunes(40, seed: 1), validation: Self.tunes(5, seed: 2),
                            validationEvents: Array(repeating: 30, count: 5), corpusHash: "test")
    }

    @Test func lossFallsAndValidationIsReported() throws {
        var r = try run(Self.tiny(steps: 60))
        var first: Float?, last: Float = 0, validations: [Double] = []
        try r.run(checkpoint: nil) { p in
            if first == nil { first = p.loss }
            last = p.loss
            if let v = p.validationLoss { validations.append(v) }
        }
        #expect(last < first! * 0.8, "loss \(first!) → \(last)")
        #expect(validations.count == 5)
    }

    @Test func sameSeedGivesIdenticalWeights() throws {
        var a = try run(Self.tiny()), b = try run(Self.tiny())
        try a.run(checkpoint: nil) { _ in }
        try b.run(checkpoint: nil) { _ in }
        #expect(a.trainer.model.parameters == b.trainer.model.parameters)
        var other = Self.tiny(); other.seed = 6
        var c = try run(other)
        try c.run(checkpoint: nil) { _ in }
        #expect(a.trainer.model.parameters != c.trainer.model.parameters)
    }

    @Test func resumingFromACheckpointContinuesBitForBit() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ckpt-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/run.safetensors"
        var whole = try run(Self.tiny())
        try whole.run(checkpoint: nil) { _ in }

        // A run "killed" after its first checkpoint (step 12): stop it by running a 12-step prefix.
        var killed = try run(Self.tiny())
        var stopAt12 = Self.tiny(); stopAt12.steps = 24
        try killed.run(until: 12, checkpoint: path) { _ in }
        var resumed = try run(stopAt12)
        try resumed.resume(from: path)
        #expect(resumed.step == 12)
        try resumed.run(checkpoint: path) { _ in }
        #expect(resumed.trainer.model.parameters == whole.trainer.model.parameters)
    }

    @Test func checkpointsOfAnotherRunAreRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ckpt-other-\(getpid()).safetensors").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var r = try run(Self.tiny())
        try r.run(until: 12, checkpoint: path) { _ in }
        var other = Self.tiny(); other.hiddenSize = 12
        var r2 = try run(other)
        #expect(throws: ModelError.self) { try r2.resume(from: path) }
    }

    @Test func modelFilesKeepVocabularyAndLogits() throws {
        var r = try run(Self.tiny())
        try r.run(checkpoint: nil) { _ in }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("model-\(getpid()).safetensors").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try r.model.save(to: path)
        let loaded = try LSTMMelodyModel.load(from: path)
        #expect(loaded.vocabulary == Vocabulary.standard)
        #expect(loaded.metadata["tunesmith_corpus"] == "test")
        let seq = Self.tunes(1, seed: 9)[0]
        #expect(try loaded.logProbabilities(of: seq, from: 4) == r.model.logProbabilities(of: seq, from: 4))
        // A plain LSTM file without Tunesmith's vocabulary is refused with a hint.
        try r.trainer.model.save(to: path)
        #expect(throws: ModelError.self) { try LSTMMelodyModel.load(from: path) }
    }
}

