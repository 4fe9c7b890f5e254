import CNeuralKernels
import COpenBLAS  // types and constants; the library is opened by OpenBLASLibrary

/// Row-major single-precision matrix products: OpenBLAS for speed, a naive loop for reference.
///
/// Both compute C (M, N) = alpha · op(A) (M, K) · op(B) (K, N) + beta · C, where op(X) is X or Xᵀ,
/// with leading dimensions (row strides) `lda`, `ldb`, `ldc` as in BLAS. The naive product is the
/// definition the tests check OpenBLAS against; it is far too slow for training.
public enum MatrixProduct {
    /// C = alpha · op(A) · op(B) + beta · C through OpenBLAS `cblas_sgemm` (row-major).
    @inlinable
    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        if m == 0 || n == 0 { return }
        OpenBLASLibrary.shared.sgemm(CblasRowMajor,
                    transposeA ? CblasTrans : CblasNoTrans,
                    transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// C (m, n) += A (m, k) · B (k, n), row-major, through the C kernel `tunesmith_gemm_accumulate`: no packing,
    /// for products with few rows (an LSTM's recurrent step), where OpenBLAS's copying of B into its panels
    /// costs more than the multiplying. Each element adds its k products in order; the same bits at every
    /// `MatrixVector.Level` and whichever rows a call covers.
    @inlinable
    public static func gemmAccumulate(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int,
                                      b: UnsafePointer<Float>, ldb: Int, c: UnsafeMutablePointer<Float>, ldc: Int,
                                      level: MatrixVector.Level = .available) {
        if m == 0 || n == 0 { return }
        tunesmith_gemm_accumulate(level.rawValue, m, n, k, a, lda, b, ldb, c, ldc)
    }

    /// The same product as `gemm`, as a plain triple loop with Double accumulation.
    public static func naiveGemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        for i in 0..<m {
            for j in 0..<n {
                var sum: Double = 0
                for p in 0..<k {
                    let aip = transposeA ? a[p * lda + i] : a[i * lda + p]  // op(A)[i, p]
                    let bpj = transposeB ? b[j * ldb + p] : b[p * ldb + j]  // op(B)[p, j]
                    sum += Double(aip) * Double(bpj)
                }
                let old = beta == 0 ? 0 : beta * c[i * ldc + j]  // beta == 0 ignores C, as BLAS does
                c[i * ldc + j] = alpha * Float(sum) + old
            }
        }
    }
}

extension Tensor {
    /// The matrix product op(self) · op(other) of two 2-D tensors, through OpenBLAS.
    ///
    /// self is (M, K) (or (K, M) when `transposeSelf`), other is (K, N) (or (N, K) when
    /// `transposeOther`); the result is (M, N).
    public func matmul(_ other: Tensor, transposeSelf: Bool = false, transposeOther: Bool = false,
                       naive: Bool = false) -> Tensor {
        precondition(shape.count == 2 && other.shape.count == 2, "matmul needs 2-D tensors")
        let m = transposeSelf ? shape[1] : shape[0]
        let k = transposeSelf ? shape[0] : shape[1]
        let k2 = transposeOther ? other.shape[1] : other.shape[0]
        let n = transposeOther ? other.shape[0] : other.shape[1]
        precondition(k == k2, "inner dimensions differ: \(shape) and \(other.shape)")
        var out = Tensor(shape: [m, n])
        data.withUnsafeBufferPointer { a in
            other.data.withUnsafeBufferPointer { b in
                out.data.withUnsafeMutableBufferPointer { c in
                    let product = naive ? MatrixProduct.naiveGemm : MatrixProduct.gemm
                    product(transposeSelf, transposeOther, m, n, k, 1,
                            a.baseAddress!, shape[1], b.baseAddress!, other.shape[1],
                            0, c.baseAddress!, n)
                }
            }
        }
        return out
    }
}

/// Process-wide OpenBLAS settings.
public enum BLASThreads {
    /// Sets the number of threads OpenBLAS uses for every later product in this process.
    public static func set(_ count: Int) {
        OpenBLASLibrary.shared.setThreadCount(Int32(max(1, count)))
    }

    /// The number of threads OpenBLAS currently uses.
    public static var current: Int { Int(OpenBLASLibrary.shared.threadCount()) }

    /// The kernel family OpenBLAS runs on this CPU (see `OpenBLASLibrary`).
    public static var kernels: String { OpenBLASLibrary.kernels }
}
