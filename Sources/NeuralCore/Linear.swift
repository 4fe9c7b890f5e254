/// Affine layer y = x · Wᵀ + b, as `nn.Linear` (weight (Out, In), bias (Out)).
public enum Linear {
    /// y (N, Out) = x (N, In) · weight (Out, In)ᵀ + bias (Out).
    ///
    /// x may have any leading dimensions (B, T, In); they are flattened to N rows and kept in y.
    public static func forward(_ x: Tensor, weight: Tensor, bias: Tensor?) -> Tensor {
        var y = Tensor(shape: [0])
        forward(x, weight: weight, bias: bias, into: &y)
        return y
    }

    /// `forward`, writing into `y` (reusing its storage when the size matches).
    public static func forward(_ x: Tensor, weight: Tensor, bias: Tensor?, into y: inout Tensor) {
        let (outF, inF) = (weight.shape[0], weight.shape[1])
        precondition(x.lastDimension == inF, "x has \(x.lastDimension) features, weight expects \(inF)")
        let n = x.rows
        y.resize(to: Array(x.shape.dropLast()) + [outF])
        y.data.withUnsafeMutableBufferPointer { yp in
            if let bias {  // y[n, :] = b, then y += x · Wᵀ
                bias.data.withUnsafeBufferPointer { bp in
                    for row in 0..<n { (yp.baseAddress! + row * outF).update(from: bp.baseAddress!, count: outF) }
                }
            }
            x.data.withUnsafeBufferPointer { xp in
                weight.data.withUnsafeBufferPointer { wp in
                    MatrixProduct.gemm(transposeA: false, transposeB: true, m: n, n: outF, k: inF,
                                       a: xp.baseAddress!, lda: inF, b: wp.baseAddress!, ldb: inF,
                                       beta: bias == nil ? 0 : 1, c: yp.baseAddress!, ldc: outF)
                }
            }
        }
    }

    /// Backward of `forward`: returns dx (N, In) = dy · W and accumulates
    /// dWeight (Out, In) += dyᵀ · x and dBias (Out) += Σₙ dy[n, :].
    public static func backward(_ dy: Tensor, x: Tensor, weight: Tensor,
                                dWeight: inout Tensor, dBias: inout Tensor?) -> Tensor {
        var dx = Tensor(shape: [0])
        backward(dy, x: x, weight: weight, dWeight: &dWeight, dBias: &dBias, dx: &dx)
        return dx
    }

    /// `backward`, writing dx into `dx` (reusing its storage when the size matches).
    public static func backward(_ dy: Tensor, x: Tensor, weight: Tensor,
                                dWeight: inout Tensor, dBias: inout Tensor?, dx: inout Tensor) {
        let (outF, inF) = (weight.shape[0], weight.shape[1])
        let n = x.rows
        precondition(dy.count == n * outF, "dy must be (N, Out)")
        dx.resize(to: x.shape)
        dy.data.withUnsafeBufferPointer { dyp in
            x.data.withUnsafeBufferPointer { xp in
                weight.data.withUnsafeBufferPointer { wp in
                    dx.data.withUnsafeMutableBufferPointer { dxp in
                        // dx (N, In) = dy (N, Out) · W (Out, In)
                        MatrixProduct.gemm(transposeA: false, transposeB: false, m: n, n: inF, k: outF,
                                           a: dyp.baseAddress!, lda: outF, b: wp.baseAddress!, ldb: inF,
                                           c: dxp.baseAddress!, ldc: inF)
                    }
                    dWeight.data.withUnsafeMutableBufferPointer { dwp in
                        // dW (Out, In) += dyᵀ (Out, N) · x (N, In)
                        MatrixProduct.gemm(transposeA: true, transposeB: false, m: outF, n: inF, k: n,
                                           a: dyp.baseAddress!, lda: outF, b: xp.baseAddress!, ldb: inF,
                                           beta: 1, c: dwp.baseAddress!, ldc: inF)
                    }
                }
            }
            if dBias != nil {
                dBias!.data.withUnsafeMutableBufferPointer { dbp in
                    for row in 0..<n {
                        for j in 0..<outF { dbp[j] += dyp[row * outF + j] }
                    }
                }
            }
        }
    }
}
