/// One training loop's state for the LSTM language model: the model, AdamW, the learning-rate
/// schedule, gradient clipping and the generator that draws dropout masks.
public struct LSTMTrainer: Sendable {
    /// The model being trained.
    public var model: LSTMLanguageModel
    /// The optimiser (its configured learning rate is replaced by the schedule's, when set).
    public var optimizer: AdamW
    /// The learning rate per step; nil keeps the optimiser's fixed rate.
    public var schedule: LearningRateSchedule?
    /// Maximum global gradient norm; nil disables clipping.
    public var maxGradientNorm: Float?
    /// Source of dropout masks.
    public var rng: Xoshiro256StarStar
    /// Steps taken.
    public private(set) var step = 0
    /// Buffers reused by every step.
    private var workspace = LSTMLanguageModel.Workspace()

    /// Creates a trainer; `seed` seeds the dropout generator.
    public init(model: LSTMLanguageModel, optimizer: AdamW.Configuration = .init(), schedule: LearningRateSchedule? = nil,
                maxGradientNorm: Float? = 1.0, seed: UInt64 = 0) throws(NeuralCoreError) {
        try optimizer.validate()
        if let maxGradientNorm, !(maxGradientNorm > 0) {
            throw .invalidArgument(name: "maximum gradient norm", reason: "\(maxGradientNorm) must be > 0 (or nil for no clipping)")
        }
        self.model = model
        self.optimizer = AdamW(for: model.parameters, configuration: optimizer)
        self.schedule = schedule
        self.maxGradientNorm = maxGradientNorm
        self.rng = Xoshiro256StarStar(seed: seed)
    }

    /// What one step reports.
    public struct StepReport: Sendable {
        /// The batch's loss before the update.
        public var loss: Float
        /// The global gradient norm before clipping.
        public var gradientNorm: Float
        /// The learning rate used.
        public var learningRate: Float
    }

    /// One training step on a (B, T+1) batch: forward, loss, backward, clip, AdamW update.
    @discardableResult
    public mutating func train(batch: [Int], batchSize: Int) throws(NeuralCoreError) -> StepReport {
        // 1. forward and backward (dropout on)
        let loss = try model.lossAndGradients(batch: batch, batchSize: batchSize, training: true, using: &rng,
                                              workspace: &workspace)
        // 2. clip the global gradient norm (clip_grad_norm_), or just measure it
        let norm = maxGradientNorm.map { workspace.gradients.clipGlobalNorm($0) } ?? workspace.gradients.globalNorm
        // 3. the learning rate for this step, then the AdamW update
        let lr = schedule?.rate(at: step) ?? optimizer.configuration.learningRate
        optimizer.update(&model.parameters, gradients: workspace.gradients, learningRate: lr)
        step += 1
        return StepReport(loss: loss, gradientNorm: norm, learningRate: lr)
    }
}
