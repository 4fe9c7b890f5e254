/// One training loop's state for the LSTM language model: the model, AdamW, the learning-rate
/// schedule, gradient clipping and the generator that draws dropout masks.
///
/// Data parallelism (`DataParallel`): with `shards` = S > 1 the batch's rows are split into S equal
/// groups on S threads and their gradients averaged: the whole batch's mean loss and gradient up to
/// float rounding. Dropout masks for shard s come from a generator seeded with the s-th draw of `rng`,
/// so the same seed and S give the same weights on every run (a different S gives different, equally
/// valid, masks and rounding).
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
    /// Threads (and equal row groups) each step's batch is split across; 1 runs the whole batch on
    /// the calling thread with OpenBLAS's own threads. Used only when the batch size is a multiple.
    public var shards = 1
    /// Buffers reused by every step.
    private var workspace = LSTMLanguageModel.Workspace()
    /// One workspace per shard (when `shards` > 1).
    private var shardWorkspaces: [LSTMLanguageModel.Workspace] = []

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
        // 1. forward and backward (dropout on), whole or in shards
        let loss: Float
        if shards > 1, batchSize % shards == 0 {
            loss = try shardedLossAndGradients(batch: batch, batchSize: batchSize)
        } else {
            loss = try model.lossAndGradients(batch: batch, batchSize: batchSize, training: true, using: &rng,
                                              workspace: &workspace)
        }
        // 2. clip the global gradient norm (clip_grad_norm_), or just measure it
        let norm = maxGradientNorm.map { workspace.gradients.clipGlobalNorm($0) } ?? workspace.gradients.globalNorm
        // 3. the learning rate for this step, then the AdamW update
        let lr = schedule?.rate(at: step) ?? optimizer.configuration.learningRate
        optimizer.update(&model.parameters, gradients: workspace.gradients, learningRate: lr)
        step += 1
        return StepReport(loss: loss, gradientNorm: norm, learningRate: lr)
    }

    /// Forward and backward of `shards` row groups at once; leaves their mean gradient in `workspace`.
    private mutating func shardedLossAndGradients(batch: [Int], batchSize b: Int) throws(NeuralCoreError) -> Float {
        try model.validate(tokens: batch)
        guard batch.count % b == 0 else {
            throw .invalidArgument(name: "batch", reason: "\(batch.count) tokens do not split into \(b) rows")
        }
        let s = shards
        var draws: [UInt64] = []
        for _ in 0..<s { draws.append(rng.next()) }
        let seeds = draws
        if shardWorkspaces.count != s { shardWorkspaces = Array(repeating: .init(), count: s) }
        let model = self.model
        let losses = try DataParallel.run(&shardWorkspaces) { (shard, space) throws(NeuralCoreError) in
            var shardRNG = Xoshiro256StarStar(seed: seeds[shard])
            return try model.lossAndGradients(batch: DataParallel.rows(batch, shard: shard, of: s), batchSize: b / s,
                                              training: true, using: &shardRNG, workspace: &space)
        }
        if workspace.gradients.names != model.parameters.names { workspace.gradients = model.parameters.zerosLike() }
        DataParallel.average(shardWorkspaces.map(\.gradients), into: &workspace.gradients)
        return losses.reduce(0, +) / Float(s)
    }
}
