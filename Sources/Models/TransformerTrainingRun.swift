import Foundation
import NeuralCore
import Tokens

/// The training loop for the transformer melody model, one readable file (the LSTM's loop, without dropout):
///
///  1. the training tunes are one stream of tokens (`<bos>` … `<eos>` after one another, corpus order);
///  2. each step draws B windows of T + 1 tokens at random offsets (our seeded generator) and takes one
///     AdamW step on their mean cross-entropy, the gradient's global norm clipped;
///  3. the learning rate warms up linearly, then decays along a cosine to its minimum;
///  4. every `evaluateEvery` steps the validation tunes are scored (nats per body token);
///  5. every `checkpointEvery` steps the whole state — weights, AdamW moments, the batch generator, the step —
///     is written to one file (temporary name, then rename). Resuming from it continues bit for bit.
public struct TransformerTrainingRun: Sendable {
    /// The settings.
    public let configuration: TransformerTrainingConfiguration
    /// The vocabulary.
    public let vocabulary: Vocabulary
    /// The corpus hash recorded in checkpoints and the model.
    public let corpusHash: String
    private let stream: [Int]
    private let validation: [[Int]]
    private let validationEvents: [Int]

    /// The trainer (model and optimiser).
    public internal(set) var trainer: TransformerTrainer
    /// The generator that places batch windows.
    var dataRNG: Xoshiro256StarStar
    /// Steps completed.
    public internal(set) var step = 0

    /// Prepares a fresh run.
    public init(configuration: TransformerTrainingConfiguration, vocabulary: Vocabulary = .standard,
                training: [[Int]], validation: [[Int]], validationEvents: [Int], corpusHash: String) throws(ModelError) {
        try configuration.validate()
        self.configuration = configuration
        self.vocabulary = vocabulary
        self.corpusHash = corpusHash
        self.stream = training.flatMap { $0 }
        self.validation = validation
        self.validationEvents = validationEvents
        guard stream.count > configuration.sequenceLength + 1 else {
            throw .invalidSetting("the training stream (\(stream.count) tokens) is shorter than one window")
        }
        let c = configuration
        do {
            let network = try TransformerLanguageModel(configuration: c.network(vocabularySize: vocabulary.count), seed: c.seed)
            trainer = try TransformerTrainer(model: network, optimizer: .init(learningRate: c.maxLearningRate, weightDecay: c.weightDecay),
                                             schedule: nil, maxGradientNorm: c.gradientClip)
        } catch { throw .neural(error) }
        dataRNG = Xoshiro256StarStar(seed: c.seed &+ 2)
    }

    /// Threads (and equal row groups) each batch is split across (see `TransformerTrainer.shards`); not part
    /// of the configuration: the same seed and shards give the same weights.
    public var shards: Int {
        get { trainer.shards }
        set { trainer.shards = max(1, newValue) }
    }

    /// The model as trained so far, with its training metadata.
    public var model: TransformerMelodyModel {
        TransformerMelodyModel(network: trainer.model, vocabulary: vocabulary,
                               metadata: ["tunesmith_corpus": corpusHash, "tunesmith_training": configuration.json,
                                          "tunesmith_steps": String(step)])
    }

    /// One batch: B windows of T + 1 tokens, row-major.
    mutating func nextBatch() -> [Int] {
        let (b, t) = (configuration.batchSize, configuration.sequenceLength)
        var batch: [Int] = []
        batch.reserveCapacity(b * (t + 1))
        for _ in 0..<b {
            let start = Int(dataRNG.next() % UInt64(stream.count - t))
            batch.append(contentsOf: stream[start..<(start + t + 1)])
        }
        return batch
    }

    /// Validation nats per body token.
    public func validationLoss() throws -> Double {
        try EvaluationResult.evaluate(model, sequences: validation, eventCounts: validationEvents).natsPerToken
    }

    /// Runs until `configuration.steps` (or stops after step `stop`, as an interrupted run would),
    /// checkpointing to `checkpoint` when given; `progress` hears each step.
    public mutating func run(until stop: Int? = nil, checkpoint: String?, progress: (TrainingProgress) -> Void) throws {
        let c = configuration
        let start = DispatchTime.now().uptimeNanoseconds
        let firstStep = step
        let schedule = try c.schedule()
        while step < min(stop ?? c.steps, c.steps) {
            // 1–3. one optimiser step at the scheduled learning rate
            let lr = schedule.rate(at: step)
            trainer.optimizer.configuration.learningRate = lr
            let batch = nextBatch()
            let report = try trainer.train(batch: batch, batchSize: c.batchSize)
            step += 1
            // 4. validation
            var validationLoss: Double?
            if step % c.evaluateEvery == 0 || step == c.steps { validationLoss = try self.validationLoss() }
            // 5. checkpoint
            var saved = false
            if let checkpoint, step % c.checkpointEvery == 0 || step == c.steps {
                try saveCheckpoint(to: checkpoint)
                saved = true
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let tokens = Double((step - firstStep) * c.batchSize * c.sequenceLength)
            let rate = seconds > 0 ? tokens / seconds : 0
            let left = rate > 0 ? Double((c.steps - step) * c.batchSize * c.sequenceLength) / rate : 0
            progress(TrainingProgress(step: step, steps: c.steps, loss: report.loss, learningRate: lr,
                                      tokensPerSecond: rate, secondsLeft: left, validationLoss: validationLoss,
                                      checkpointed: saved))
        }
    }
}
