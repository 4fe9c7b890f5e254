/// Layer normalisation over the last dimension, as `nn.LayerNorm(C)` (weight and bias (C)).
public enum LayerNorm {
    /// What backward needs from forward: the per-row mean and reciprocal standard deviation (N).
    public struct Cache: Sendable {
        /// Mean of each row (N).
        public var mean: [Float]
        /// 1 / sqrt(variance + eps) of each row (N), with the biased variance as PyTorch uses.
        public var rstd: [Float]
    }

    /// y (N, C) = (x − mean) · rstd · weight + bias, per row of x (N, C).
    public static func forward(_ x: Tensor, weight: Tensor, bias: Tensor, eps: Float = 1e-5) -> (Tensor, Cache) {
        let c = x.lastDimension
        let n = x.rows
        precondition(weight.count == c && bias.count == c, "weight and bias must be (C) with C = \(c)")
        var y = Tensor(shape: x.shape)
        var cache = Cache(mean: [Float](repeating: 0, count: n), rstd: [Float](repeating: 0, count: n))
        for row in 0..<n {
            let base = row * c
            var sum: Float = 0
            for j in 0..<c { sum += x.data[base + j] }
            let mean = sum / Float(c)
            var sq: Float = 0
            for j in 0..<c { let d = x.data[base + j] - mean; sq += d * d }
            let rstd = 1 / (sq / Float(c) + eps).squareRoot()
            for j in 0..<c {
                y.data[base + j] = (x.data[base + j] - mean) * rstd * weight.data[j] + bias.data[j]
            }
            cache.mean[row] = mean
            cache.rstd[row] = rstd
        }
        return (y, cache)
    }

    /// Backward of `forward`: returns dx (N, C); accumulates dWeight (C) and dBias (C).
    ///
    /// With x̂ = (x − mean) · rstd and g = dy · weight:
    /// dx = rstd · (g − mean(g) − x̂ · mean(g · x̂)), dWeight += Σ dy · x̂, dBias += Σ dy.
    public static func backward(_ dy: Tensor, x: Tensor, weight: Tensor, cache: Cache,
                                dWeight: inout Tensor, dBias: inout Tensor) -> Tensor {
        let c = x.lastDimension
        let n = x.rows
        var dx = Tensor(shape: x.shape)
        for row in 0..<n {
            let base = row * c
            let (mean, rstd) = (cache.mean[row], cache.rstd[row])
            var gMean: Float = 0
            var gxMean: Float = 0
            for j in 0..<c {
                let xhat = (x.data[base + j] - mean) * rstd
                let g = dy.data[base + j] * weight.data[j]
                gMean += g
                gxMean += g * xhat
            }
            gMean /= Float(c)
            gxMean /= Float(c)
            for j in 0..<c {
                let xhat = (x.data[base + j] - mean) * rstd
                let g = dy.data[base + j] * weight.data[j]
                dx.data[base + j] = rstd * (g - gMean - xhat * gxMean)
                dWeight.data[j] += dy.data[base + j] * xhat
                dBias.data[j] += dy.data[base + j]
            }
        }
        return dx
    }
}
