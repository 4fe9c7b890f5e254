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

    /// What backward needs: each layer's cache and the dropout masks applied to layer inputs.
    public struct Cache: Sendable {
        /// Per-layer caches.
        public var layers: [LSTMLayer.Cache]
        /// masks[k] (B, T, H) scales layer k's output before layer k+1 (0 or 1/(1−p)); empty when unused.
        public var masks: [Tensor]
    }

    /// Runs the stack over x (B, T, I). Returns the last layer's outputs (B, T, H), the final
    /// state (L, B, H) and the cache. `training` enables inter-layer dropout with probability p.
    public static func forward(_ x: Tensor, layers: [LSTMLayerWeights], dropout p: Float = 0, training: Bool = false,
                               initialState: State? = nil, using rng: inout Xoshiro256StarStar)
        -> (output: Tensor, state: State, cache: Cache) {
        let (b, t) = (x.shape[0], x.shape[1])
        var input = x
        var caches: [LSTMLayer.Cache] = []
        var masks: [Tensor] = []
        let hSize = layers.first?.hiddenSize ?? 0
        var hN = Tensor(shape: [layers.count, b, hSize])
        var cN = Tensor(shape: [layers.count, b, hSize])
        for (k, w) in layers.enumerated() {
            let h0 = initialState.map { $0.slice($0.h, layer: k) }
            let c0 = initialState.map { $0.slice($0.c, layer: k) }
            let cache = LSTMLayer.forward(input, weights: w, h0: h0, c0: c0)
            // final state of layer k: step T−1 of every sequence
            for batch in 0..<b {
                for j in 0..<hSize {
                    let src = (batch * t + t - 1) * hSize + j
                    hN.data[(k * b + batch) * hSize + j] = t > 0 ? cache.outputs.data[src] : cache.h0.data[batch * hSize + j]
                    cN.data[(k * b + batch) * hSize + j] = t > 0 ? cache.cells.data[src] : cache.c0.data[batch * hSize + j]
                }
            }
            input = cache.outputs
            caches.append(cache)
            if training && p > 0 && k < layers.count - 1 {
                // inverted dropout on the input of layer k+1
                let scale = 1 / (1 - p)
                var mask = Tensor(shape: input.shape)
                for idx in 0..<mask.count { mask.data[idx] = rng.nextFloat() < p ? 0 : scale }
                for idx in 0..<input.count { input.data[idx] *= mask.data[idx] }
                masks.append(mask)
            }
        }
        return (input, State(h: hN, c: cN), Cache(layers: caches, masks: masks))
    }

    /// Backward of `forward`: given dOut (B, T, H) of the last layer, returns dx (B, T, I) and
    /// accumulates every layer's weight gradients into `grads` (same shapes as `layers`).
    public static func backward(_ dOut: Tensor, cache: Cache, layers: [LSTMLayerWeights],
                                grads: inout [LSTMLayerWeights]) -> Tensor {
        var d = dOut
        for k in stride(from: layers.count - 1, through: 0, by: -1) {
            if k < cache.masks.count {  // through the dropout applied to layer k's output
                for idx in 0..<d.count { d.data[idx] *= cache.masks[k].data[idx] }
            }
            d = LSTMLayer.backward(d, cache: cache.layers[k], weights: layers[k], grads: &grads[k]).dx
        }
        return d
    }
}
