/// The LSTM language model: embedding(V, E) → LSTM(E, H, L layers, dropout) → linear(H, V).
///
/// Its parameters carry the names and shapes of this PyTorch module's state_dict, so weights move
/// between the two through safetensors unchanged:
///
///     class LSTMModel(nn.Module):
///         self.embed = nn.Embedding(V, E)
///         self.lstm = nn.LSTM(E, H, L, batch_first=True, dropout=p)
///         self.head = nn.Linear(H, V)
public struct LSTMLanguageModel: Sendable {
    /// The model's sizes.
    public struct Configuration: Sendable, Equatable {
        /// V, the number of token ids.
        public var vocabularySize: Int
        /// E, the embedding width.
        public var embeddingSize: Int
        /// H, the hidden size of every LSTM layer.
        public var hiddenSize: Int
        /// L, the number of stacked LSTM layers.
        public var layerCount: Int
        /// p, the dropout between LSTM layers in training (0 disables it).
        public var dropout: Float

        /// Creates a configuration; the defaults are torch_ref.py's LSTM (128, 128, 256 × 2).
        public init(vocabularySize: Int = 128, embeddingSize: Int = 128, hiddenSize: Int = 256,
                    layerCount: Int = 2, dropout: Float = 0) {
            self.vocabularySize = vocabularySize
            self.embeddingSize = embeddingSize
            self.hiddenSize = hiddenSize
            self.layerCount = layerCount
            self.dropout = dropout
        }

        /// Throws when a size is not positive or the dropout is outside [0, 1).
        public func validate() throws(NeuralCoreError) {
            for (name, v) in [("vocabulary size", vocabularySize), ("embedding size", embeddingSize),
                              ("hidden size", hiddenSize), ("layer count", layerCount)] where v <= 0 {
                throw .invalidArgument(name: name, reason: "\(v) must be positive")
            }
            guard dropout >= 0 && dropout < 1 else {
                throw .invalidArgument(name: "dropout", reason: "\(dropout) must lie in [0, 1)")
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
            let (v, e, h) = (vocabularySize, embeddingSize, hiddenSize)
            try body("embed.weight", [v, e])
            for k in 0..<layerCount {
                try body("lstm.weight_ih_l\(k)", [4 * h, k == 0 ? e : h])
                try body("lstm.weight_hh_l\(k)", [4 * h, h])
                try body("lstm.bias_ih_l\(k)", [4 * h])
                try body("lstm.bias_hh_l\(k)", [4 * h])
            }
            try body("head.weight", [v, h])
            try body("head.bias", [v])
        }
    }

    /// The sizes.
    public let configuration: Configuration
    /// The weights, named as in the PyTorch module's state_dict.
    public var parameters: ParameterSet

    /// A freshly initialised model, drawing from `Xoshiro256StarStar(seed:)` as PyTorch's default
    /// initialisers do: embedding N(0, 1); LSTM tensors U(±1/√H); head weight and bias U(±1/√H).
    public init(configuration: Configuration, seed: UInt64) throws(NeuralCoreError) {
        try configuration.validate()
        var rng = Xoshiro256StarStar(seed: seed)
        let c = configuration
        var pairs: [(String, Tensor)] = [("embed.weight", Tensor(shape: [c.vocabularySize, c.embeddingSize],
                                                                 normalMean: 0, std: 1, using: &rng))]
        for k in 0..<c.layerCount {
            let w = LSTMLayerWeights(input: k == 0 ? c.embeddingSize : c.hiddenSize, hidden: c.hiddenSize, using: &rng)
            pairs += [("lstm.weight_ih_l\(k)", w.weightIH), ("lstm.weight_hh_l\(k)", w.weightHH),
                      ("lstm.bias_ih_l\(k)", w.biasIH), ("lstm.bias_hh_l\(k)", w.biasHH)]
        }
        let bound = 1 / Float(c.hiddenSize).squareRoot()
        pairs.append(("head.weight", Tensor(shape: [c.vocabularySize, c.hiddenSize], uniformIn: -bound...bound, using: &rng)))
        pairs.append(("head.bias", Tensor(shape: [c.vocabularySize], uniformIn: -bound...bound, using: &rng)))
        try self.init(configuration: configuration, parameters: ParameterSet(pairs))
    }

    /// A model over given parameters, which must have the configuration's names (in state_dict
    /// order) and shapes.
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

    /// Layer k's weights (views of `parameters`; copy-on-write, no copy).
    public func lstmLayer(_ k: Int) -> LSTMLayerWeights {
        LSTMLayerWeights(weightIH: parameters["lstm.weight_ih_l\(k)"], weightHH: parameters["lstm.weight_hh_l\(k)"],
                         biasIH: parameters["lstm.bias_ih_l\(k)"], biasHH: parameters["lstm.bias_hh_l\(k)"])
    }

    /// All layers' weights.
    public var lstmLayers: [LSTMLayerWeights] { (0..<configuration.layerCount).map(lstmLayer) }

    /// Throws when a token id lies outside 0..<V.
    func validate(tokens: [Int]) throws(NeuralCoreError) {
        for (position, token) in tokens.enumerated() where token < 0 || token >= configuration.vocabularySize {
            throw .tokenOutOfRange(token: token, vocabularySize: configuration.vocabularySize, position: position)
        }
    }

    /// Logits (B, T, V) for token ids (B, T) given row-major, from a zero state (evaluation mode).
    public func logits(tokens: [Int], batchSize b: Int) throws(NeuralCoreError) -> Tensor {
        try validate(tokens: tokens)
        guard b > 0, tokens.count % b == 0 else {
            throw .invalidArgument(name: "batch", reason: "\(tokens.count) tokens do not split into \(b) rows")
        }
        var rng = Xoshiro256StarStar(seed: 0)  // unused: no dropout in evaluation
        let x = Embedding.forward(tokens: tokens, weight: parameters["embed.weight"])
            .reshaped([b, tokens.count / b, configuration.embeddingSize])
        let h = LSTM.forward(x, layers: lstmLayers, using: &rng).output
        return Linear.forward(h, weight: parameters["head.weight"], bias: parameters["head.bias"])
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
    /// inputs are columns 0..<T, targets columns 1...T. `training` enables inter-layer dropout,
    /// whose masks are drawn from `rng`.
    public func lossAndGradients(batch: [Int], batchSize b: Int, training: Bool = true,
                                 using rng: inout Xoshiro256StarStar) throws(NeuralCoreError) -> Pass {
        var workspace = Workspace()
        let loss = try lossAndGradients(batch: batch, batchSize: b, training: training, using: &rng, workspace: &workspace)
        return Pass(loss: loss, logits: workspace.logits, gradients: workspace.gradients)
    }

    /// Every buffer of a forward and backward pass, kept between training steps so that a step
    /// allocates (almost) nothing once the sizes are known.
    public struct Workspace: Sendable {
        var inputs: [Int] = []
        var targets: [Int] = []
        var embedded = Tensor(shape: [0])           // (B, T, E)
        var lstm = LSTM.Cache()                     // per layer (B, T, 4H) gates, (B, T, H) cells and outputs
        /// Logits (B, T, V) of the last pass.
        public internal(set) var logits = Tensor(shape: [0])
        var probabilities = Tensor(shape: [0])      // (B·T, V), turned into dlogits in place
        var dHidden = Tensor(shape: [0])            // (B, T, H)
        var lstmScratch = LSTM.Scratch()
        var dEmbedded = Tensor(shape: [0])          // (B, T, E)
        /// Gradients of the last pass, named as the parameters.
        public internal(set) var gradients = ParameterSet([])

        /// An empty workspace; the first pass sizes it.
        public init() {}

        /// Moves a gradient tensor out (zeroed) so it can be written without a copy.
        mutating func takeGradient(_ name: String) -> Tensor {
            let index = gradients.index(of: name)!
            var t = gradients.tensors[index]
            gradients.tensors[index] = Tensor(shape: [0])
            t.zero()
            return t
        }
    }

    /// `lossAndGradients`, reusing `workspace`: the logits and gradients are left in it. Returns the loss.
    public func lossAndGradients(batch: [Int], batchSize b: Int, training: Bool = true, using rng: inout Xoshiro256StarStar,
                                 workspace ws: inout Workspace) throws(NeuralCoreError) -> Float {
        try validate(tokens: batch)
        guard b > 0, batch.count % b == 0, batch.count / b >= 2 else {
            throw .invalidArgument(name: "batch", reason: "need B rows of T+1 ≥ 2 tokens; got \(batch.count) tokens for B = \(b)")
        }
        let c = configuration
        let t = batch.count / b - 1
        ws.inputs.removeAll(keepingCapacity: true)
        ws.targets.removeAll(keepingCapacity: true)
        for row in 0..<b {
            ws.inputs += batch[row * (t + 1)..<row * (t + 1) + t]
            ws.targets += batch[row * (t + 1) + 1..<(row + 1) * (t + 1)]
        }
        if ws.gradients.names != parameters.names { ws.gradients = parameters.zerosLike() }
        // forward: (B, T) ids → (B, T, E) → (B, T, H) → (B, T, V) → loss
        let layers = lstmLayers
        Embedding.forward(tokens: ws.inputs, weight: parameters["embed.weight"], into: &ws.embedded)
        ws.embedded.shape = [b, t, c.embeddingSize]
        LSTM.forward(ws.embedded, layers: layers, dropout: c.dropout, training: training, using: &rng, into: &ws.lstm)
        let hidden = ws.lstm.layers[c.layerCount - 1].outputs
        Linear.forward(hidden, weight: parameters["head.weight"], bias: parameters["head.bias"], into: &ws.logits)
        let loss = CrossEntropy.forward(logits: ws.logits, targets: ws.targets, probabilities: &ws.probabilities)
        // backward, in reverse order
        CrossEntropy.backward(inPlace: &ws.probabilities, targets: ws.targets)  // now dlogits (B·T, V)
        var dHeadW = ws.takeGradient("head.weight")
        var dHeadB: Tensor? = ws.takeGradient("head.bias")
        Linear.backward(ws.probabilities, x: hidden, weight: parameters["head.weight"],
                        dWeight: &dHeadW, dBias: &dHeadB, dx: &ws.dHidden)
        ws.gradients["head.weight"] = dHeadW
        ws.gradients["head.bias"] = dHeadB!
        var dLayers = (0..<c.layerCount).map { k in
            LSTMLayerWeights(weightIH: ws.takeGradient("lstm.weight_ih_l\(k)"), weightHH: ws.takeGradient("lstm.weight_hh_l\(k)"),
                             biasIH: ws.takeGradient("lstm.bias_ih_l\(k)"), biasHH: ws.takeGradient("lstm.bias_hh_l\(k)"))
        }
        LSTM.backward(ws.dHidden, input: ws.embedded, cache: ws.lstm, layers: layers, grads: &dLayers,
                      scratch: &ws.lstmScratch, dx: &ws.dEmbedded)
        for (k, d) in dLayers.enumerated() {
            ws.gradients["lstm.weight_ih_l\(k)"] = d.weightIH
            ws.gradients["lstm.weight_hh_l\(k)"] = d.weightHH
            ws.gradients["lstm.bias_ih_l\(k)"] = d.biasIH
            ws.gradients["lstm.bias_hh_l\(k)"] = d.biasHH
        }
        var dEmbed = ws.takeGradient("embed.weight")
        Embedding.backward(dOut: ws.dEmbedded, tokens: ws.inputs, dWeight: &dEmbed)
        ws.gradients["embed.weight"] = dEmbed
        return loss
    }
}
