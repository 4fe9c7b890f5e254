import Foundation
import NeuralCore
import Testing
import Tokens
@testable import Models

@Suite struct TransformerTrainingRunTests {
    static func tiny(steps: Int = 24) -> TransformerTrainingConfiguration {
        var c = TransformerTrainingConfiguration()
        c.width = 16; c.layerCount = 2; c.headCount = 2; c.feedForwardSize = 32; c.context = 24
        c.batchSize = 4; c.sequenceLength = 16; c.steps = steps; c.warmupSteps = 2
        c.maxLearningRate = 1e-2; c.evaluateEvery = 12; c.checkpointEvery = 12; c.seed = 5
        return c
    }

    /// Training tunes of 64 tokens and validation tunes longer than the context of 24, so validation
    /// exercises both the one-pass and the stepped (re-filled cache) scoring.
    func run(_ c: TransformerTrainingConfiguration) throws -> TransformerTrainingRun {
        try TransformerTrainingRun(configuration: c, training: LSTMTrainingRunTests.tunes(40, seed: 1),
                                   validation: LSTMTrainingRunTests.tunes(5, seed: 2),
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
        #expect(validations.last! < validations.first!)
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
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tf-ckpt-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/run.safetensors"
        var whole = try run(Self.tiny())
        try whole.run(checkpoint: nil) { _ in }
        var killed = try run(Self.tiny())
        try killed.run(until: 12, checkpoint: path) { _ in }
        var resumed = try run(Self.tiny())
        try resumed.resume(from: path)
        #expect(resumed.step == 12)
        try resumed.run(checkpoint: path) { _ in }
        #expect(resumed.trainer.model.parameters == whole.trainer.model.parameters)
        #expect(resumed.trainer.optimizer.firstMoments == whole.trainer.optimizer.firstMoments)
    }

    @Test func aResumedRunMayChangeOnlyItsStepCountAndThenFollowsTheReplannedSchedule() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tf-ckpt-steps-\(getpid()).safetensors").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var first = try run(Self.tiny(steps: 24))
        try first.run(until: 12, checkpoint: path) { _ in }
        var longer = try run(Self.tiny(steps: 36))
        try longer.resume(from: path)
        #expect(longer.step == 12)
        #expect(longer.trainer.model.parameters == first.trainer.model.parameters)
        let schedule = try Self.tiny(steps: 36).schedule()
        var rates: [Float] = [], steps: [Int] = []
        try longer.run(checkpoint: nil) { p in rates.append(p.learningRate); steps.append(p.step) }
        #expect(steps == Array(13...36))
        #expect(rates == (12..<36).map { schedule.rate(at: $0) })
        // fewer steps than the checkpoint has taken, or any other changed option, is refused
        var shorter = try run(Self.tiny(steps: 10))
        #expect(throws: ModelError.self) { try shorter.resume(from: path) }
        var otherRate = Self.tiny(steps: 36); otherRate.maxLearningRate = 5e-3
        var r = try run(otherRate)
        #expect(throws: ModelError.self) { try r.resume(from: path) }
    }

    @Test func checkpointsOfAnotherRunAreRefused() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tf-ckpt-other-\(getpid()).safetensors").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var r = try run(Self.tiny())
        try r.run(until: 12, checkpoint: path) { _ in }
        var other = Self.tiny(); other.feedForwardSize = 24
        var r2 = try run(other)
        #expect(throws: ModelError.self) { try r2.resume(from: path) }
        // an LSTM checkpoint is not a transformer checkpoint
        var lstm = try LSTMTrainingRun(configuration: LSTMTrainingRunTests.tiny(), training: LSTMTrainingRunTests.tunes(40, seed: 1),
                                       validation: LSTMTrainingRunTests.tunes(5, seed: 2), validationEvents: Array(repeating: 30, count: 5),
                                       corpusHash: "test")
        try lstm.run(until: 12, checkpoint: path) { _ in }
        var r3 = try run(Self.tiny())
        #expect(throws: ModelError.self) { try r3.resume(from: path) }
    }

    @Test func modelFilesKeepVocabularyAndScoresAndStepperMatchesScoring() throws {
        var r = try run(Self.tiny())
        try r.run(checkpoint: nil) { _ in }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tf-model-\(getpid()).safetensors").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try r.model.save(to: path)
        let loaded = try TransformerMelodyModel.load(from: path)
        #expect(loaded.vocabulary == Vocabulary.standard)
        #expect(loaded.metadata["tunesmith_corpus"] == "test")
        let short = Array(LSTMTrainingRunTests.tunes(1, seed: 9)[0].prefix(20))   // fits the context: one pass
        let long = LSTMTrainingRunTests.tunes(1, seed: 9)[0]                      // 66 tokens: stepped
        for seq in [short, long] {
            let scores = try loaded.logProbabilities(of: seq, from: 4)
            #expect(scores == (try r.model.logProbabilities(of: seq, from: 4)))
            #expect(scores.count == seq.count - 4)
            // the MelodyStepper (what compose generate uses) gives the same distributions
            var stepper = loaded.makeStepper()
            for t in 1..<seq.count {
                let logits = try stepper.logits(after: seq[t - 1])
                guard t >= 4 else { continue }
                let m = logits.map(Double.init).max()!
                let lse = m + log(logits.map { exp(Double($0) - m) }.reduce(0, +))
                #expect(abs(Double(logits[seq[t]]) - lse - scores[t - 4]) < 1e-4)
            }
        }
        try r.trainer.model.save(to: path)
        #expect(throws: ModelError.self) { try TransformerMelodyModel.load(from: path) }
    }
}
