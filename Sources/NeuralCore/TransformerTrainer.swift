/// One training loop's state for the transformer: the model, AdamW, the learning-rate schedule and
/// gradient clipping (the transformer uses no dropout, so no generator).
public struct TransformerTrainer: Sendable {
    /// The model being trained.
    public var model: TransformerLanguageModel
    /// The optimiser (its configured learning rate is replaced by the schedule's, when set).
    public var optimizer: AdamW
    /// The learning rate per step; nil keeps the optimiser's fixed rate.
    public var schedule: LearningRateSchedule?
    /// Maximum global gradient norm; nil disables clipping.
    public var maxGradientNorm: Float?
    /// Steps taken.
    public private(set) var step = 0
    /// Threads (and equal row groups) each step's batch is split across (`DataParallel`); 1 runs the
    /// whole batch on the calling thread with OpenBLAS's own threads. Used only when the batch size is a
    /// multiple. The same weights and S give the same result on every run.
    public var shards = 1
    /// Each shard's activations (one when unsharded), kept between steps so their storage is reused.
    private var workspaces: [TransformerLanguageModel.Activations] = []

    /// Creates a trainer.
    public init(model: TransformerLanguageModel, optimizer: AdamW.Configuration = .init(), schedule: LearningRateSchedule? = nil,
                maxGradientNorm: Float? = 1.0) throws(NeuralCoreError) {
        try optimizer.validate()
        if let maxGradientNorm, !(maxGradientNorm > 0) {
            throw .invalidArgument(name: "maximum gradient norm", reason: "\(maxGradientNorm) must be > 0 (or nil for no clipping)")
        }
        self.model = model
        self.optimizer = AdamW(for: model.parameters, configuration: optimizer)
        self.schedule = schedule
        self.maxGradientNorm = maxGradientNorm
    }

    /// One training step on a (B, T+1) batch: forward, loss, backward, clip, AdamW update.
    @discardableResult
    public mutating func train(batch: [Int], batchSize: Int) throws(NeuralCoreError) -> LSTMTrainer.StepReport {
        // 1. forward and backward, whole or in shards
        var pass: TransformerLanguageModel.Pass
        let s = shards > 1 && batchSize % shards == 0 ? shards : 1
        if workspaces.count != s { workspaces = Array(repeating: .init(), count: s) }
        if s > 1 {
            let model = self.model
            var parts: [(workspace: TransformerLanguageModel.Activations, pass: TransformerLanguageModel.Pass?)] =
                workspaces.map { ($0, nil) }
            workspaces = []   // each shard's state the sole owner of its workspace
            let losses = try DataParallel.run(&parts) { (shard, part) throws(NeuralCoreError) in
                let p = try model.lossAndGradients(batch: DataParallel.rows(batch, shard: shard, of: s), batchSize: batchSize / s,
                                                   workspace: &part.workspace)
                part.pass = p
                return p.loss
            }
            workspaces = parts.map(\.workspace)
            let shardPasses = parts.map { $0.pass! }
            pass = shardPasses[0]
            DataParallel.average(shardPasses.map(\.gradients), into: &pass.gradients)
            pass.loss = losses.reduce(0, +) / Float(s)
        } else {
            pass = try model.lossAndGradients(batch: batch, batchSize: batchSize, workspace: &workspaces[0])
        }
        // 2. clip the global gradient norm (clip_grad_norm_), or just measure it
        let norm = maxGradientNorm.map { pass.gradients.clipGlobalNorm($0) } ?? pass.gradients.globalNorm
        // 3. the learning rate for this step, then the AdamW update
        let lr = schedule?.rate(at: step) ?? optimizer.configuration.learningRate
        optimizer.update(&model.parameters, gradients: pass.gradients, learningRate: lr)
        step += 1
        return LSTMTrainer.StepReport(loss: pass.loss, gradientNorm: norm, learningRate: lr)
    }
}
