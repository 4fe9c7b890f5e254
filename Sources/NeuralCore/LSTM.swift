/// A stack of LSTM layers as `nn.LSTM(I, H, num_layers: L, batch_first: true, dropout: p)`.
///
/// Layer k > 0 reads layer k−1's outputs; in training, those outputs pass through inverted
/// dropout (zeroed with probability p, the rest scaled by 1/(1−p)) as nn.LSTM does between
/// layers (never after the last layer). Masks are drawn from our own generator.
public enum LSTM {
    /// The recurrent state of every layer: h and c, each (L, B, H) as PyTorch returns them.
    public struct State: Sendable, Equatable {
        /// Hidden states h (L, B, H).
        public var h: Tensor
        /// Cell states c (L, B, H).
        public var c: Tensor

        /// Creates a state from h and c (L, B, H) each.
        public init(h: Tensor, c: Tensor) {
            self.h = h
            self.c = c
        }

        /// Layer k's slice (B, H) of a (L, B, H) tensor.
        func slice(_ t: Tensor, layer k: Int) -> Tensor {
            let n = t.shape[1] * t.shape[2]
            return Tensor(shape: [t.shape[1], t.shape[2]], data: Array(t.data[k * n..<(k + 1) * n]))
        }
    }

    /// What backward needs: each layer's cache, the dropout masks and the dropped-out layer inputs.
    /// Reused between calls of `forward(_:layers:dropout:training:initialState:using:into:)`.
    public struct Cache: Sendable {
        /// Per-layer caches.
        public var layers: [LSTMLayer.Cache] = []
        /// masks[k] (B, T, H) scales layer k's output before layer k+1 (0 or 1/(1−p)); empty when unused.
        public var masks: [Tensor] = []
        /// dropped[k] (B, T, H): layer k's output times masks[k], the input of layer k+1.
        public var dropped: [Tensor] = []

        /// An empty cache.
        public init() {}

        /// The input of layer k (k ≥ 1).
        func input(ofLayer k: Int) -> Tensor { k - 1 < masks.count ? dropped[k - 1] : layers[k - 1].outputs }
    }

    /// Buffers backward reuses between calls.
    public struct Scratch: Sendable {
        var layer = LSTMLayer.Scratch()
        var gradient = [Tensor(shape: [0]), Tensor(shape: [0])]  // ping-pong ∂L/∂(layer output)

        /// Empty scratch.
        public init() {}
    }

    /// Runs the stack over x (B, T, I). Returns the last layer's outputs (B, T, H), the final
    /// state (L, B, H) and the cache. `training` enables inter-layer dropout with probability p.
    public static func forward(_ x: Tensor, layers: [LSTMLayerWeights], dropout p: Float = 0, training: Bool = false,
                               initialState: State? = nil, using rng: inout Xoshiro256StarStar)
        -> (output: Tensor, state: State, cache: Cache) {
        var cache = Cache()
        let state = forward(x, layers: layers, dropout: p, training: training, initialState: initialState, using: &rng, into: &cache)
        return (cache.layers[layers.count - 1].outputs, state, cache)
    }

    /// `forward`, writing into `cache` (reused when the sizes match); the output is
    /// `cache.layers[L − 1].outputs`. Returns the final state.
    @discardableResult
    public static func forward(_ x: Tensor, layers: [LSTMLayerWeights], dropout p: Float = 0, training: Bool = false,
                               initialState: State? = nil, using rng: inout Xoshiro256StarStar, into cache: inout Cache) -> State {
        let (b, t) = (x.shape[0], x.shape[1])
        let hSize = layers.first?.hiddenSize ?? 0
        let useDropout = training && p > 0
        let dropLayers = useDropout ? layers.count - 1 : 0
        if cache.layers.count != layers.count { cache.layers = Array(repeating: LSTMLayer.Cache(), count: layers.count) }
        if cache.masks.count != dropLayers {
            cache.masks = Array(repeating: Tensor(shape: [0]), count: dropLayers)
            cache.dropped = cache.masks
        }
        var hN = Tensor(shape: [layers.count, b, hSize])
        var cN = Tensor(shape: [layers.count, b, hSize])
        for (k, w) in layers.enumerated() {
            let h0 = initialState.map { $0.slice($0.h, layer: k) }
            let c0 = initialState.map { $0.slice($0.c, layer: k) }
            LSTMLayer.forward(k == 0 ? x : cache.input(ofLayer: k), weights: w, h0: h0, c0: c0, into: &cache.layers[k])
            let out = cache.layers[k]
            // final state of layer k: step T−1 of every sequence
            for batch in 0..<b {
                for j in 0..<hSize {
                    let src = (batch * t + t - 1) * hSize + j
                    hN.data[(k * b + batch) * hSize + j] = t > 0 ? out.outputs.data[src] : out.h0.data[batch * hSize + j]
                    cN.data[(k * b + batch) * hSize + j] = t > 0 ? out.cells.data[src] : out.c0.data[batch * hSize + j]
                }
            }
            if k < dropLayers {
                // inverted dropout on the input of layer k+1
                let scale = 1 / (1 - p)
                cache.masks[k].resize(to: out.outputs.shape)
                cache.dropped[k].resize(to: out.outputs.shape)
                for idx in 0..<out.outputs.count {
                    let m: Float = rng.nextFloat() < p ? 0 : scale
                    cache.masks[k].data[idx] = m
                    cache.dropped[k].data[idx] = m * out.outputs.data[idx]
                }
            }
        }
        return State(h: hN, c: cN)
    }

    /// Backward of `forward`: given dOut (B, T, H) of the last layer and the input x, returns
    /// dx (B, T, I) and accumulates every layer's weight gradients into `grads`.
    public static func backward(_ dOut: Tensor, input x: Tensor, cache: Cache, layers: [LSTMLayerWeights],
                                grads: inout [LSTMLayerWeights]) -> Tensor {
        var scratch = Scratch()
        var dx = Tensor(shape: [0])
        backward(dOut, input: x, cache: cache, layers: layers, grads: &grads, scratch: &scratch, dx: &dx)
        return dx
    }

    /// `backward`, writing dx into `dx` and reusing `scratch`.
    public static func backward(_ dOut: Tensor, input x: Tensor, cache: Cache, layers: [LSTMLayerWeights],
                                grads: inout [LSTMLayerWeights], scratch: inout Scratch, dx: inout Tensor) {
        var current = 0
        for k in stride(from: layers.count - 1, through: 0, by: -1) {
            let incoming = k == layers.count - 1 ? dOut : scratch.gradient[current]
            if k == 0 {
                LSTMLayer.backward(incoming, input: x, cache: cache.layers[k], weights: layers[k], grads: &grads[k],
                                   scratch: &scratch.layer, dx: &dx)
            } else {
                let next = 1 - current
                LSTMLayer.backward(incoming, input: cache.input(ofLayer: k), cache: cache.layers[k], weights: layers[k],
                                   grads: &grads[k], scratch: &scratch.layer, dx: &scratch.gradient[next])
                if k - 1 < cache.masks.count {  // through the dropout applied to layer k−1's output
                    let mask = cache.masks[k - 1]
                    scratch.gradient[next].data.withUnsafeMutableBufferPointer { d in
                        for idx in 0..<d.count { d[idx] *= mask.data[idx] }
                    }
                }
                current = next
            }
        }
    }
}
