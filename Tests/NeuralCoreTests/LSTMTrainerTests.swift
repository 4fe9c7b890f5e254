import Testing
@testable import NeuralCore

@Test func trainingLowersTheLossAndIsDeterministic() throws {
    // a repeating pattern the model can learn quickly
    let pattern = [1, 4, 2, 7, 3, 9]
    let batch = (0..<4).flatMap { row in (0..<13).map { pattern[($0 + row) % pattern.count] } }  // (4, 13)
    func run() throws -> [Float] {
        var trainer = try LSTMTrainer(model: try LSTMLanguageModel(configuration: tinyConfig, seed: 1),
                                  optimizer: .init(learningRate: 2e-2),
                                  schedule: try LearningRateSchedule(maxRate: 2e-2, minRate: 2e-3, warmupSteps: 5, decaySteps: 60),
                                  maxGradientNorm: 1, seed: 9)
        return try (0..<60).map { _ in try trainer.train(batch: batch, batchSize: 4).loss }
    }
    let losses = try run()
    #expect(losses[0] > 2.0)                  // about ln 11 at the start
    #expect(losses.last! < 0.5 * losses[0])   // learned most of the pattern
    #expect(try run() == losses)              // same seeds, bit-identical losses (dropout included)
}
