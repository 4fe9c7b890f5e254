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

/// Two shards on two threads give the whole batch's loss and gradient (the mean of equal halves), so
/// one step moves the weights as the unsharded step does, up to float rounding; and sharded training is
/// bit-identical from run to run.
@Test func shardedStepsMatchTheWholeBatchAndAreDeterministic() throws {
    var config = tinyConfig
    config.dropout = 0  // masks differ by construction between the two ways; without dropout the maths is equal
    let pattern = [1, 4, 2, 7, 3, 9, 5]
    let batch = (0..<4).flatMap { row in (0..<11).map { pattern[($0 * 3 + row) % pattern.count] } }  // (4, 11)
    func trainer(shards: Int) throws -> LSTMTrainer {
        var t = try LSTMTrainer(model: try LSTMLanguageModel(configuration: config, seed: 4),
                                optimizer: .init(learningRate: 1e-2), maxGradientNorm: nil, seed: 5)
        t.shards = shards
        return t
    }
    var whole = try trainer(shards: 1)
    var halves = try trainer(shards: 2)
    let a = try whole.train(batch: batch, batchSize: 4)
    let b = try halves.train(batch: batch, batchSize: 4)
    expectSameStep(a, b, whole.model.parameters, halves.model.parameters)
    // with dropout, twice the same sharded run: identical losses
    func run() throws -> [Float] {
        var t = try LSTMTrainer(model: try LSTMLanguageModel(configuration: tinyConfig, seed: 4), seed: 6)
        t.shards = 2
        return try (0..<5).map { _ in try t.train(batch: batch, batchSize: 4).loss }
    }
    #expect(try run() == run())
    // a batch that does not split evenly runs whole
    var odd = try trainer(shards: 3)
    #expect(try odd.train(batch: batch, batchSize: 4).loss == a.loss)
}
