/// The decoder-only transformer language model: token + learned position embeddings → L pre-LayerNorm
/// blocks (causal multi-head self-attention, GELU MLP, each added to the residual stream) → final
/// LayerNorm → linear head.
///
/// Parameters carry the names and shapes of torch_ref.py's `TransformerMelody` state_dict, so weights
/// move between the two through safetensors unchanged:
///
///     tok = nn.Embedding(V, C); pos = nn.Embedding(P, C)
///     blocks[i]: ln1 = LayerNorm(C); qkv = Linear(C, 3C); proj = Linear(C, C)
///                ln2 = LayerNorm(C); fc1 = Linear(C, F); fc2 = Linear(F, C)
///     ln_f = LayerNorm(C); head = Linear(C, V)
///     block: x = x + proj(attn(ln1(x))); x = x + fc2(gelu(fc1(ln2(x))))
public struct TransformerLanguageModel: Sendable {
    /// The model's sizes.
    public struct Configuration: Sendable, Equatable {
        /// V, the number of token ids.
        public var vocabularySize: Int
        /// C, the width of the residual stream (d_model).
        public var width: Int
        /// L, the number of blocks.
        public var layerCount: Int
        /// H, attention heads per block (C must be divisible by H).
        public var headCount: Int
        /// F, the hidden width of each block's MLP.
        public var feedForwardSize: Int
        /// P, the number of positions (the longest context).
        public var context: Int

        /// Creates a configuration; the defaults are torch_ref.py's transformer (128, 192, 4 × 4 heads, 768, 256).
        public init(vocabularySize: Int = 128, width: Int = 192, layerCount: Int = 4, headCount: Int = 4,
                    feedForwardSize: Int = 768, context: Int = 256) {
            self.vocabularySize = vocabularySize
            self.width = width
            self.layerCount = layerCount
            self.headCount = headCount
            self.feedForwardSize = feedForwardSize
            self.context = context
        }

        /// Throws when a size is not positive or the width does not split into the heads.
        public func validate() throws(NeuralCoreError) {
            for (name, v) in [("vocabulary size", vocabularySize), ("width", width), ("layer count", layerCount),
                              ("head count", headCount), ("feed-forward size", feedForwardSize), ("context", context)] where v <= 0 {
                throw .invalidArgument(name: name, reason: "\(v) must be positive")
            }
            guard width % headCount == 0 else {
                throw .invalidArgument(name: "head count", reason: "width \(width) does not split into \(headCount) heads")
            }
        }

        /// Every parameter's state_dict name and shape, in state_dict order.
        public var parameterShapes: [(name: String, shape: [Int])] {
            var out: [(name: String, shape: [Int])] = []
            forEachParameterShape { name, shape in out.append((name, shape)) }
            return out
        }

        /// Calls `body` with each parameter's name and shape in state_dict order, stopping at its first error
        /// (a loader stops at the first wrong tensor, whatever layer count a file claims).
        public func forEachParameterShape<E: Error>(_ body: (_ name: String, _ shape: [Int]) throws(E) -> Void) throws(E) {
            let (v, c, f) = (vocabularySize, width, feedForwardSize)
            try body("tok.weight", [v, c])
            try body("pos.weight", [context, c])
            for k in 0..<layerCount {
                let p = "blocks.\(k)."
                for (name, shape) in [("ln1.weight", [c]), ("ln1.bias", [c]), ("qkv.weight", [3 * c, c]), ("qkv.bias", [3 * c]),
                                      ("proj.weight", [c, c]), ("proj.bias", [c]), ("ln2.weight", [c]), ("ln2.bias", [c]),
                                      ("fc1.weight", [f, c]), ("fc1.bias", [f]), ("fc2.weight", [c, f]), ("fc2.bias", [c])] {
                    try body(p + name, shape)
                }
            }
            try body("ln_f.weight", [c])
            try body("ln_f.bias", [c])
            try body("head.weight", [v, c])
            try body("head.bias", [v])
        }
    }

    /// The sizes.
    public let configuration: Configuration
    /// The weights, named as in the PyTorch module's state_dict.
    public var parameters: ParameterSet

    /// A freshly initialised model, drawing from `Xoshiro256StarStar(seed:)` as GPT-2 / nanoGPT do
    /// (not PyTorch's module defaults, whose N(0, 1) embeddings train worse): embeddings and linear
    /// weights N(0, 0.02²), the two residual projections (`proj`, `fc2`) N(0, (0.02/√(2L))²), biases 0,
    /// LayerNorm weight 1 and bias 0.
    public init(configuration: Configuration, seed: UInt64) throws(NeuralCoreError) {
        try configuration.validate()
        var rng = Xoshiro256StarStar(seed: seed)
        let residualStd = 0.02 / Float(2 * configuration.layerCount).squareRoot()
        var pairs: [(String, Tensor)] = []
        for (name, shape) in configuration.parameterShapes {
            let t: Tensor
            if name.hasSuffix(".bias") {
                t = Tensor(shape: shape)
            } else if name.contains("ln") {
                t = Tensor(shape: shape, repeating: 1)
            } else {
                let std: Float = name.hasSuffix("proj.weight") || name.hasSuffix("fc2.weight") ? residualStd : 0.02
                t = Tensor(shape: shape, normalMean: 0, std: std, using: &rng)
            }
            pairs.append((name, t))
        }
        try self.init(configuration: configuration, parameters: ParameterSet(pairs))
    }

    /// A model over given parameters, which must have the configuration's names (in state_dict order) and shapes.
    public init(configuration: Configuration, parameters: ParameterSet) throws(NeuralCoreError) {
        try configuration.validate()
        let expected = configuration.parameterShapes
        guard parameters.names == expected.map(\.name) else {
            throw .invalidArgument(name: "parameters", reason: "names \(parameters.names) differ from \(expected.map(\.name))")
        }
        for ((name, shape), t) in zip(expected, parameters.tensors) where t.shape != shape {
            throw .wrongShape(name: name, path: "<parameters>", expected: shape, found: t.shape)
        }
        self.configuration = configuration
        self.parameters = parameters
    }

    /// Throws when a token id lies outside 0..<V.
    func validate(tokens: [Int]) throws(NeuralCoreError) {
        for (position, token) in tokens.enumerated() where token < 0 || token >= configuration.vocabularySize {
            throw .tokenOutOfRange(token: token, vocabularySize: configuration.vocabularySize, position: position)
        }
    }

    /// Logits (B, T, V) for token ids (B, T) given row-major, positions 0..<T (T ≤ P).
    public func logits(tokens: [Int], batchSize b: Int) throws(NeuralCoreError) -> Tensor {
        try validate(tokens: tokens)
        guard b > 0, tokens.count % b == 0, tokens.count / b <= configuration.context else {
            throw .invalidArgument(name: "batch", reason: "\(tokens.count) tokens must split into \(b) rows of at most \(configuration.context)")
        }
        var acts = Activations()
        forward(inputs: tokens, batchSize: b, acts: &acts)
        return acts.logits
    }

    /// The result of one forward and backward pass over a batch.
    public struct Pass: Sendable {
        /// Mean cross-entropy over the B·T predictions.
        public var loss: Float
        /// Logits (B, T, V).
        public var logits: Tensor
        /// ∂loss/∂parameter for every parameter, same names and shapes.
        public var gradients: ParameterSet
    }

    /// Forward, loss and backward on a batch of B rows of T+1 token ids (row-major (B, T+1)):
    /// inputs are columns 0..<T, targets columns 1...T; T ≤ P.
    public func lossAndGradients(batch: [Int], batchSize b: Int) throws(NeuralCoreError) -> Pass {
        var acts = Activations()
        return try lossAndGradients(batch: batch, batchSize: b, workspace: &acts)
    }

    /// `lossAndGradients(batch:batchSize:)` with the activations kept in `acts` (reused between steps).
    func lossAndGradients(batch: [Int], batchSize b: Int, workspace acts: inout Activations) throws(NeuralCoreError) -> Pass {
        try validate(tokens: batch)
        guard b > 0, batch.count % b == 0, batch.count / b >= 2, batch.count / b - 1 <= configuration.context else {
            throw .invalidArgument(name: "batch", reason: "need B rows of T+1 tokens, 1 ≤ T ≤ \(configuration.context); got \(batch.count) tokens for B = \(b)")
        }
        let t = batch.count / b - 1
        var inputs: [Int] = [], targets: [Int] = []
        inputs.reserveCapacity(b * t); targets.reserveCapacity(b * t)
        for row in 0..<b {
            inputs += batch[row * (t + 1)..<row * (t + 1) + t]
            targets += batch[row * (t + 1) + 1..<(row + 1) * (t + 1)]
        }
        forward(inputs: inputs, batchSize: b, acts: &acts)
        var probs = Tensor(shape: [0])
        let loss = CrossEntropy.forward(logits: acts.logits, targets: targets, probabilities: &probs)
        CrossEntropy.backward(inPlace: &probs, targets: targets)  // now dlogits (B·T, V)
        let gradients = backward(dLogits: probs, inputs: inputs, acts: acts)
        return Pass(loss: loss, logits: acts.logits, gradients: gradients)
    }
}
