import CNeuralKernels

/// Element-wise activations over raw buffers, used by the LSTM cell, vectorised 8 lanes at a time.
///
/// e^x is computed as 2ⁿ · e^r with n = round(x / ln 2) and |r| ≤ ln 2 / 2, e^r by Cephes' degree-6
/// polynomial (relative error about 1e-7, like expf); σ and tanh are built on it. Glibc's scalar
/// expf/tanhf cost more than the LSTM's matrix products at these sizes. The Swift loops are the definition;
/// the LSTM cell runs σ and tanh through the C kernels (`level:` forms, 16 lanes at the best level the CPU
/// runs, where the package's Swift is compiled for baseline x86-64), which give the same bits (tested).
public enum Activation {
    /// e^x for 8 lanes; inputs are clamped to [−87.3, 88.3] so 2ⁿ stays a normal Float.
    @inlinable @inline(__always)
    public static func exp(_ v: SIMD8<Float>) -> SIMD8<Float> {
        var x = v
        x.replace(with: -87.3, where: x .< -87.3)
        x.replace(with: 88.3, where: x .> 88.3)
        // n = round(x · log2 e): adding 1.5 · 2²³ rounds to an integer held in the low mantissa bits
        let magic = SIMD8<Float>(repeating: 12_582_912)
        let t = x * 1.442_695_04 + magic
        let n = t - magic
        let r = x - n * 0.693_359_375 + n * 2.121_944_4e-4    // x − n ln 2, ln 2 in two parts (Cephes C1, C2)
        var p = SIMD8<Float>(repeating: 1.987_569_15e-4)
        p = p * r + 1.398_199_95e-3
        p = p * r + 8.333_451_9e-3
        p = p * r + 4.166_579_59e-2
        p = p * r + 1.666_666_55e-1
        p = p * r + 5.000_000_12e-1
        p = p * r * r + r + 1
        // 2ⁿ: the exponent field n + 127, built from t's integer bits (t = magic + n)
        let bits = (unsafeBitCast(t, to: SIMD8<Int32>.self) &- 0x4B40_0000 &+ 127) &<< 23
        return p * unsafeBitCast(bits, to: SIMD8<Float>.self)
    }

    /// e^x for one Float (the same approximation).
    @inlinable
    public static func exp(_ x: Float) -> Float { exp(SIMD8(repeating: x))[0] }

    /// x ← e^x for `count` elements.
    @inlinable
    public static func exp(_ x: UnsafeMutablePointer<Float>, count: Int) {
        let raw = UnsafeMutableRawPointer(x)
        var j = 0
        while j + 8 <= count {
            let v = raw.loadUnaligned(fromByteOffset: 4 * j, as: SIMD8<Float>.self)
            raw.storeBytes(of: exp(v), toByteOffset: 4 * j, as: SIMD8<Float>.self)
            j += 8
        }
        while j < count { x[j] = exp(x[j]); j += 1 }
    }

    /// x ← e^(x − max x) for `count` (≥ 1) elements, the numerators of a softmax; returns their sum.
    @inlinable
    public static func expShifted(_ x: UnsafeMutablePointer<Float>, count: Int) -> Float {
        var m = -Float.infinity
        for j in 0..<count { m = max(m, x[j]) }
        for j in 0..<count { x[j] -= m }
        exp(x, count: count)
        var sum: Float = 0
        for j in 0..<count { sum += x[j] }
        return sum
    }

    /// x ← σ(x) = 1 / (1 + e^(−x)) for `count` elements.
    @inlinable
    public static func sigmoid(_ x: UnsafeMutablePointer<Float>, count: Int) {
        let raw = UnsafeMutableRawPointer(x)
        var j = 0
        while j + 8 <= count {
            let v = raw.loadUnaligned(fromByteOffset: 4 * j, as: SIMD8<Float>.self)
            raw.storeBytes(of: 1 / (1 + exp(-v)), toByteOffset: 4 * j, as: SIMD8<Float>.self)
            j += 8
        }
        while j < count { x[j] = 1 / (1 + exp(-x[j])); j += 1 }
    }

    /// x ← tanh(x) = 1 − 2 / (e^(2x) + 1) for `count` elements.
    @inlinable
    public static func tanh(_ x: UnsafeMutablePointer<Float>, count: Int) {
        let raw = UnsafeMutableRawPointer(x)
        var j = 0
        while j + 8 <= count {
            let v = raw.loadUnaligned(fromByteOffset: 4 * j, as: SIMD8<Float>.self)
            raw.storeBytes(of: 1 - 2 / (exp(2 * v) + 1), toByteOffset: 4 * j, as: SIMD8<Float>.self)
            j += 8
        }
        while j < count { x[j] = 1 - 2 / (exp(2 * x[j]) + 1); j += 1 }
    }

    /// `sigmoid(_:count:)` through the C kernel at `level` (`tunesmith_sigmoid`): the same bits.
    @inlinable
    public static func sigmoid(_ x: UnsafeMutablePointer<Float>, count: Int, level: MatrixVector.Level) {
        tunesmith_sigmoid(level.rawValue, x, count)
    }

    /// `tanh(_:count:)` through the C kernel at `level` (`tunesmith_tanh`): the same bits.
    @inlinable
    public static func tanh(_ x: UnsafeMutablePointer<Float>, count: Int, level: MatrixVector.Level) {
        tunesmith_tanh(level.rawValue, x, count)
    }
}
