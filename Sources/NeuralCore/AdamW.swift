/// AdamW with PyTorch's semantics (`torch.optim.AdamW`; weight decay 0 gives `torch.optim.Adam`).
///
/// For each parameter p with gradient g at step t (starting at 1):
///
///     p ← p − lr · λ · p                      (decoupled weight decay)
///     m ← β₁ m + (1 − β₁) g
///     v ← β₂ v + (1 − β₂) g²
///     p ← p − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
public struct AdamW: Sendable {
    /// Hyper-parameters; the defaults are PyTorch's AdamW defaults.
    public struct Configuration: Sendable, Equatable {
        /// Learning rate (the schedule may override it per step).
        public var learningRate: Float
        /// β₁, the first-moment decay.
        public var beta1: Float
        /// β₂, the second-moment decay.
        public var beta2: Float
        /// ε added to the denominator.
        public var epsilon: Float
        /// λ, decoupled weight decay (0 for Adam).
        public var weightDecay: Float

        /// Creates a configuration; defaults match `torch.optim.AdamW`.
        public init(learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999,
                    epsilon: Float = 1e-8, weightDecay: Float = 0.01) {
            self.learningRate = learningRate
            self.beta1 = beta1
            self.beta2 = beta2
            self.epsilon = epsilon
            self.weightDecay = weightDecay
        }

        /// Throws when a hyper-parameter is outside the range PyTorch accepts.
        public func validate() throws(NeuralCoreError) {
            guard learningRate >= 0, learningRate.isFinite else {
                throw .invalidArgument(name: "learning rate", reason: "\(learningRate) must be a finite number ≥ 0")
            }
            guard (0..<1).contains(beta1), (0..<1).contains(beta2) else {
                throw .invalidArgument(name: "betas", reason: "(\(beta1), \(beta2)) must each lie in [0, 1)")
            }
            guard epsilon >= 0, weightDecay >= 0 else {
                throw .invalidArgument(name: "epsilon / weight decay", reason: "\(epsilon) and \(weightDecay) must be ≥ 0")
            }
        }

        /// `torch.optim.Adam`'s defaults: AdamW without weight decay.
        public static func adam(learningRate: Float = 1e-3) -> Configuration {
            Configuration(learningRate: learningRate, weightDecay: 0)
        }
    }

    /// The hyper-parameters.
    public var configuration: Configuration
    /// Steps taken so far.
    public private(set) var step: Int = 0
    /// First-moment estimates m, one per parameter.
    public private(set) var firstMoments: ParameterSet
    /// Second-moment estimates v, one per parameter.
    public private(set) var secondMoments: ParameterSet

    /// Creates the optimiser for parameters shaped like `parameters`, with zero moments.
    public init(for parameters: ParameterSet, configuration: Configuration = Configuration()) {
        self.configuration = configuration
        firstMoments = parameters.zerosLike()
        secondMoments = parameters.zerosLike()
    }

    /// Applies one update to `parameters` from `gradients` (same names and shapes), with the
    /// learning rate `learningRate` (or the configured one when nil).
    public mutating func update(_ parameters: inout ParameterSet, gradients: ParameterSet, learningRate: Float? = nil) {
        precondition(parameters.names == gradients.names, "parameters and gradients differ")
        step += 1
        let c = configuration
        let lr = learningRate ?? c.learningRate
        let biasCorrection1 = 1 - Float(Double(c.beta1).pow(step))
        let biasCorrection2Sqrt = (1 - Float(Double(c.beta2).pow(step))).squareRoot()
        let stepSize = lr / biasCorrection1
        let decay = 1 - lr * c.weightDecay
        for k in parameters.tensors.indices {
            parameters.tensors[k].data.withUnsafeMutableBufferPointer { p in
                gradients.tensors[k].data.withUnsafeBufferPointer { g in
                    firstMoments.tensors[k].data.withUnsafeMutableBufferPointer { m in
                        secondMoments.tensors[k].data.withUnsafeMutableBufferPointer { v in
                            for i in 0..<p.count {
                                if c.weightDecay != 0 { p[i] *= decay }
                                m[i] = c.beta1 * m[i] + (1 - c.beta1) * g[i]
                                v[i] = c.beta2 * v[i] + (1 - c.beta2) * g[i] * g[i]
                                let denominator = v[i].squareRoot() / biasCorrection2Sqrt + c.epsilon
                                p[i] -= stepSize * m[i] / denominator
                            }
                        }
                    }
                }
            }
        }
    }
}

extension Double {
    /// self raised to a non-negative integer power.
    func pow(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result *= self }
        return result
    }
}

extension AdamW {
    /// Restores an optimiser from a checkpoint: its configuration, step count and both moment estimates
    /// (shapes as the parameters'). Resuming with these continues the run exactly.
    public init(configuration: Configuration, step: Int, firstMoments: ParameterSet, secondMoments: ParameterSet) {
        self.configuration = configuration
        self.step = step
        self.firstMoments = firstMoments
        self.secondMoments = secondMoments
    }
}
