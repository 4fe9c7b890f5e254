/// The transformer's forward and backward passes, layer by layer, in the llm.c style.
/// Shapes: B batch rows, T positions, C width, H heads, F MLP width, V vocabulary.
extension TransformerLanguageModel {
    /// One block's saved activations.
    struct BlockActivations: Sendable {
        var input = Tensor(shape: [0])          // x (B, T, C): the residual stream entering the block
        var ln1 = Tensor(shape: [0])            // (B, T, C)
        var ln1Cache = LayerNorm.Cache(mean: [], rstd: [])
        var qkv = Tensor(shape: [0])            // (B, T, 3C)
        var probabilities = Tensor(shape: [0])  // (B, H, T, T)
        var attention = Tensor(shape: [0])      // (B, T, C) heads concatenated, before proj
        var middle = Tensor(shape: [0])         // x + proj(attn) (B, T, C)
        var ln2 = Tensor(shape: [0])            // (B, T, C)
        var ln2Cache = LayerNorm.Cache(mean: [], rstd: [])
        var fc1 = Tensor(shape: [0])            // (B, T, F) before GELU
        var gelu = Tensor(shape: [0])           // (B, T, F)
    }

    /// Everything a forward pass keeps for backward. Kept between training steps (`TransformerTrainer`), its
    /// tensors' storage is written again in place when the sizes match instead of being allocated and zeroed.
    struct Activations: Sendable {
        var blocks: [BlockActivations] = []
        var final = Tensor(shape: [0])          // residual stream after the last block (B, T, C)
        var lnF = Tensor(shape: [0])            // (B, T, C)
        var lnFCache = LayerNorm.Cache(mean: [], rstd: [])
        var logits = Tensor(shape: [0])         // (B, T, V)
    }

    /// x (B, T, C) += y (B, T, C).
    static func addInPlace(_ x: inout Tensor, _ y: Tensor) {
        x.data.withUnsafeMutableBufferPointer { xp in
            y.data.withUnsafeBufferPointer { yp in
                for i in 0..<xp.count { xp[i] += yp[i] }
            }
        }
    }

    /// Forward over inputs (B·T ids, row-major), positions 0..<T.
    func forward(inputs: [Int], batchSize b: Int, acts: inout Activations) {
        let c = configuration
        let t = inputs.count / b
        let p = parameters
        // embeddings: x (B, T, C) = tok[id] + pos[t]
        var x = Embedding.forward(tokens: inputs, weight: p["tok.weight"])
        p["pos.weight"].data.withUnsafeBufferPointer { pos in
            x.data.withUnsafeMutableBufferPointer { xp in
                for row in 0..<b {
                    for i in 0..<t * c.width { xp[row * t * c.width + i] += pos[i] }
                }
            }
        }
        x.shape = [b, t, c.width]
        var previous = acts.blocks   // last pass's blocks: their storage is reused
        acts.blocks = []
        var projected = Tensor(shape: [0]), mlp = Tensor(shape: [0])
        for k in 0..<c.layerCount {
            let n = "blocks.\(k)."
            var a = BlockActivations()
            if k < previous.count { swap(&a, &previous[k]) }   // sole owner of its tensors, so they are written in place
            a.input = x
            // attention half: x = x + proj(attn(ln1(x)))
            (a.ln1, a.ln1Cache) = LayerNorm.forward(x, weight: p[n + "ln1.weight"], bias: p[n + "ln1.bias"])
            Linear.forward(a.ln1, weight: p[n + "qkv.weight"], bias: p[n + "qkv.bias"], into: &a.qkv)       // (B, T, 3C)
            CausalSelfAttention.forward(a.qkv, heads: c.headCount, probabilities: &a.probabilities, into: &a.attention)
            Linear.forward(a.attention, weight: p[n + "proj.weight"], bias: p[n + "proj.bias"], into: &projected)
            a.middle = x
            Self.addInPlace(&a.middle, projected)
            // MLP half: x = x + fc2(gelu(fc1(ln2(x))))
            (a.ln2, a.ln2Cache) = LayerNorm.forward(a.middle, weight: p[n + "ln2.weight"], bias: p[n + "ln2.bias"])
            Linear.forward(a.ln2, weight: p[n + "fc1.weight"], bias: p[n + "fc1.bias"], into: &a.fc1)       // (B, T, F)
            GELU.forward(a.fc1, into: &a.gelu)
            Linear.forward(a.gelu, weight: p[n + "fc2.weight"], bias: p[n + "fc2.bias"], into: &mlp)        // (B, T, C)
            x = a.middle
            Self.addInPlace(&x, mlp)
            acts.blocks.append(a)
        }
        acts.final = x
        (acts.lnF, acts.lnFCache) = LayerNorm.forward(x, weight: p["ln_f.weight"], bias: p["ln_f.bias"])
        Linear.forward(acts.lnF, weight: p["head.weight"], bias: p["head.bias"], into: &acts.logits)        // (B, T, V)
    }

    /// Backward from dlogits (B·T, V) through every layer, in reverse order; returns the gradients.
    func backward(dLogits: Tensor, inputs: [Int], acts: Activations) -> ParameterSet {
        let c = configuration
        let p = parameters
        var g = p.zerosLike()
        // linear(name): backward through a Linear whose parameters are name.weight / name.bias
        func linear(_ name: String, _ dy: Tensor, x: Tensor) -> Tensor {
            var dW = g[name + ".weight"]
            var dB: Tensor? = g[name + ".bias"]
            let dx = Linear.backward(dy, x: x, weight: p[name + ".weight"], dWeight: &dW, dBias: &dB)
            g[name + ".weight"] = dW
            g[name + ".bias"] = dB!
            return dx
        }
        func layerNorm(_ name: String, _ dy: Tensor, x: Tensor, cache: LayerNorm.Cache) -> Tensor {
            var dW = g[name + ".weight"], dB = g[name + ".bias"]
            let dx = LayerNorm.backward(dy, x: x, weight: p[name + ".weight"], cache: cache, dWeight: &dW, dBias: &dB)
            g[name + ".weight"] = dW
            g[name + ".bias"] = dB
            return dx
        }
        // head and final LayerNorm: dx (B, T, C) is the gradient of the residual stream
        let dLnF = linear("head", dLogits, x: acts.lnF)
        var dx = layerNorm("ln_f", dLnF, x: acts.final, cache: acts.lnFCache)
        var scratch = Tensor(shape: [0])
        for k in (0..<c.layerCount).reversed() {
            let n = "blocks.\(k)."
            let a = acts.blocks[k]
            // MLP half: d(middle) = dx + ln2ᵀ(fc1ᵀ(gelu′ · fc2ᵀ(dx)))
            var dFc1 = linear(n + "fc2", dx, x: a.gelu)                         // d gelu (B, T, F)
            GELU.backward(inPlace: &dFc1, x: a.fc1)                             // (B, T, F)
            let dLn2 = linear(n + "fc1", dFc1, x: a.ln2)                        // (B, T, C)
            Self.addInPlace(&dx, layerNorm(n + "ln2", dLn2, x: a.middle, cache: a.ln2Cache))
            // attention half: d(input) = d(middle) + ln1ᵀ(qkvᵀ(attnᵀ(projᵀ(d middle))))
            let dAttention = linear(n + "proj", dx, x: a.attention)             // (B, T, C)
            var dQKV = Tensor(shape: [0])
            CausalSelfAttention.backward(dAttention, qkv: a.qkv, heads: c.headCount, probabilities: a.probabilities,
                                         scratch: &scratch, dqkv: &dQKV)        // (B, T, 3C)
            let dLn1 = linear(n + "qkv", dQKV, x: a.ln1)                        // (B, T, C)
            Self.addInPlace(&dx, layerNorm(n + "ln1", dLn1, x: a.input, cache: a.ln1Cache))
        }
        // embeddings: tok rows scattered, pos rows summed over the batch
        var dTok = g["tok.weight"]
        Embedding.backward(dOut: dx, tokens: inputs, dWeight: &dTok)
        g["tok.weight"] = dTok
        let width = c.width
        let t = dx.shape[1], b = dx.shape[0]
        var dPos = g["pos.weight"]
        dx.data.withUnsafeBufferPointer { d in
            dPos.data.withUnsafeMutableBufferPointer { dp in
                for row in 0..<b {
                    for i in 0..<t * width { dp[i] += d[row * t * width + i] }
                }
            }
        }
        g["pos.weight"] = dPos
        return g
    }
}
