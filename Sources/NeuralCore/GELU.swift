import CNeuralKernels

/// GELU with the exact (erf) form, as `F.gelu` with its default `approximate='none'`:
/// gelu(x) = x · Φ(x) = ½ x (1 + erf(x / √2)).
///
/// erf is Abramowitz & Stegun 7.1.26 (|error| ≤ 1.5e-7, about one Float ulp near 1) on the
/// vectorised e^x of `Activation`, 8 lanes at a time: glibc's scalar erff costs more than the
/// transformer's feed-forward products at these sizes. This is the erf form, not the tanh approximation.
///
/// The pointer functions below are the definition, in Swift; the tensor functions run the same operations
/// through the C kernels (`tunesmith_gelu`, `tunesmith_gelu_backward`, 16 lanes at the best level the CPU runs:
/// the package's Swift is compiled for baseline x86-64), which give the same bits (tested at every level).
public enum GELU {
    /// erf(x) for 8 lanes (A&S 7.1.26).
    @inlinable @inline(__always)
    public static func erf(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let a = x.replacing(with: -x, where: x .< 0)            // |x|
        let t = 1 / (1 + 0.327_591_1 * a)
        var p = SIMD8<Float>(repeating: 1.061_405_429)
        p = p * t - 1.453_152_027
        p = p * t + 1.421_413_741
        p = p * t - 0.284_496_736
        p = p * t + 0.254_829_592
        let y = 1 - p * t * Activation.exp(-a * a)
        return y.replacing(with: -y, where: x .< 0)
    }

    /// erf(x) for one Float (the same approximation).
    @inlinable
    public static func erf(_ x: Float) -> Float { erf(SIMD8(repeating: x))[0] }

    /// y (N) = gelu(x (N)); `y` may alias `x`.
    public static func forward(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count: Int) {
        let xr = UnsafeRawPointer(x), yr = UnsafeMutableRawPointer(y)
        var j = 0
        while j < count {
            var v = SIMD8<Float>()
            let lanes = min(8, count - j)
            if lanes == 8 { v = xr.loadUnaligned(fromByteOffset: 4 * j, as: SIMD8<Float>.self) } else { for l in 0..<lanes { v[l] = x[j + l] } }
            let out = 0.5 * v * (1 + erf(v * 0.707_106_781_186_547_5))
            if lanes == 8 { yr.storeBytes(of: out, toByteOffset: 4 * j, as: SIMD8<Float>.self) } else { for l in 0..<lanes { y[j + l] = out[l] } }
            j += 8
        }
    }

    /// dx (N) = dy (N) · gelu′(x (N)), with gelu′(x) = Φ(x) + x · φ(x), φ(x) = e^(−x²/2) / √(2π).
    /// `dx` may alias `dy`.
    public static func backward(_ dy: UnsafePointer<Float>, x: UnsafePointer<Float>, dx: UnsafeMutablePointer<Float>, count: Int) {
        let xr = UnsafeRawPointer(x), dr = UnsafeRawPointer(dy), or = UnsafeMutableRawPointer(dx)
        var j = 0
        while j < count {
            var v = SIMD8<Float>(), d = SIMD8<Float>()
            let lanes = min(8, count - j)
            if lanes == 8 {
                v = xr.loadUnaligned(fromByteOffset: 4 * j, as: SIMD8<Float>.self)
                d = dr.loadUnaligned(fromByteOffset: 4 * j, as: SIMD8<Float>.self)
            } else {
                for l in 0..<lanes { v[l] = x[j + l]; d[l] = dy[j + l] }
            }
            let cdf = 0.5 * (1 + erf(v * 0.707_106_781_186_547_5))
            let pdf = Activation.exp(-0.5 * v * v) * 0.398_942_280_401_432_7
            let out = d * (cdf + v * pdf)
            if lanes == 8 { or.storeBytes(of: out, toByteOffset: 4 * j, as: SIMD8<Float>.self) } else { for l in 0..<lanes { dx[j + l] = out[l] } }
            j += 8
        }
    }

    /// gelu over a tensor of any shape (through `tunesmith_gelu`: the bits of `forward(_:_:count:)`).
    public static func forward(_ x: Tensor) -> Tensor {
        var y = Tensor(shape: [0])
        forward(x, into: &y)
        return y
    }

    /// `forward(_:)` into `y`, reusing its storage when the size matches.
    public static func forward(_ x: Tensor, into y: inout Tensor) {
        y.resize(to: x.shape)
        x.data.withUnsafeBufferPointer { xp in
            y.data.withUnsafeMutableBufferPointer { yp in
                tunesmith_gelu(MatrixVector.Level.available.rawValue, xp.baseAddress!, yp.baseAddress!, x.count)
            }
        }
    }

    /// Backward of `forward(_:)`: dx = dy · gelu′(x), same shape (through `tunesmith_gelu_backward`: the bits of
    /// `backward(_:x:dx:count:)`).
    public static func backward(_ dy: Tensor, x: Tensor) -> Tensor {
        var dx = dy
        backward(inPlace: &dx, x: x)
        return dx
    }

    /// `backward(_:x:)` overwriting dy with dx (no copy when `dy` holds the only reference to its storage).
    public static func backward(inPlace dy: inout Tensor, x: Tensor) {
        precondition(dy.count == x.count, "dy has \(dy.count) elements, x \(x.count)")
        x.data.withUnsafeBufferPointer { xp in
            dy.data.withUnsafeMutableBufferPointer { d in
                tunesmith_gelu_backward(MatrixVector.Level.available.rawValue, d.baseAddress!, xp.baseAddress!, d.baseAddress!, x.count)
            }
        }
    }
}
