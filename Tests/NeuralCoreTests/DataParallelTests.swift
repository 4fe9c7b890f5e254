import Testing
@testable import NeuralCore

/// Equal row groups on two threads give the whole batch's loss and gradient: one transformer step
/// moves the weights as the whole-batch step does, up to float rounding, and twice the same.
@Test func shardedTransformerStepsMatchTheWholeBatchAndAreDeterministic() throws {
    let config = TransformerLanguageModel.Configuration(vocabularySize: 9, width: 8, layerCount: 2, headCount: 2,
                                                        feedForwardSize: 12, context: 8)
    let batch = (0..<4).flatMap { row in (0..<9).map { ($0 * 5 + row * 3) % 9 } }  // (4, 9)
    func trainer(shards: Int) throws -> TransformerTrainer {
        var t = try TransformerTrainer(model: try TransformerLanguageModel(configuration: config, seed: 3),
                                       optimizer: .init(learningRate: 1e-2), maxGradientNorm: nil)
        t.shards = shards
        return t
    }
    var whole = try trainer(shards: 1)
    var halves = try trainer(shards: 2)
    let a = try whole.train(batch: batch, batchSize: 4)
    let b = try halves.train(batch: batch, batchSize: 4)
    expectSameStep(a, b, whole.model.parameters, halves.model.parameters)
    var again = try trainer(shards: 2)
    #expect(try again.train(batch: batch, batchSize: 4).loss == b.loss)
    #expect(again.model.parameters == halves.model.parameters)
}

/// The mean of gradient sets is taken element by element, in order.
@Test func averagingGradientsTakesTheMean() {
    var mean = ParameterSet([("w", Tensor(shape: [3], data: [9, 9, 9]))])
    let sets = [ParameterSet([("w", Tensor(shape: [3], data: [1, 2, 3]))]), ParameterSet([("w", Tensor(shape: [3], data: [3, 2, -3]))])]
    DataParallel.average(sets, into: &mean)
    #expect(mean.tensors[0].data == [2, 2, 0])
}

/// One whole-batch step and one sharded step agree: loss within 1e-6 (relative), gradient norm within
/// 1e-5 (relative), every updated weight within 1e-5.
func expectSameStep(_ a: LSTMTrainer.StepReport, _ b: LSTMTrainer.StepReport, _ x: ParameterSet, _ y: ParameterSet) {
    #expect(abs(a.loss - b.loss) <= 1e-6 * max(1, abs(a.loss)))
    #expect(abs(a.gradientNorm - b.gradientNorm) <= 1e-5 * a.gradientNorm)
    for (p, q) in zip(x.tensors, y.tensors) {
        let diff = zip(p.data, q.data).map { abs($0 - $1) }.max() ?? 0
        #expect(diff <= 1e-5, "largest weight difference \(diff)")
    }
}
