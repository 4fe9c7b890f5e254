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

    /// A matrix B (k, n) laid out once in the panels `gemmAccumulate` reads (`tunesmith_gemm_pack`: ⌈n/16⌉ panels
    /// of k rows × 16 columns, zero past n), for a B that many products share, as an LSTM's W_hh is shared by
    /// every time step.
    public struct PackedMatrix: Sendable {
        /// k, the rows of B (the products' inner dimension).
        public let rows: Int
        /// n, the columns of B (and of the products).
        public let columns: Int
        /// The panels, `tunesmith_gemm_packed_size(n, k)` floats.
        public let panels: [Float]

        /// Packs B (k, n) whose element [p, j] is at `b[p · rowStride + j · columnStride]`: a row-major B has
        /// (n, 1); the transpose of a row-major (n, k) matrix W has (1, k).
        public init(rows k: Int, columns n: Int, from b: UnsafePointer<Float>, rowStride: Int, columnStride: Int) {
            rows = k
            columns = n
            panels = [Float](unsafeUninitializedCapacity: tunesmith_gemm_packed_size(n, k)) { buffer, count in
                tunesmith_gemm_pack(n, k, b, rowStride, columnStride, buffer.baseAddress!)
                count = buffer.count
            }
        }
    }

    /// C (m, n) += A (m, k) · B (k, n), A and C row-major, B packed, through the C kernel
    /// `tunesmith_gemm_accumulate`: for products with few rows that share one B (an LSTM's recurrent step), where
    /// OpenBLAS's copying of B into its panels at every call costs more than the multiplying. Each element adds
    /// its k products in order, with fused multiply-adds at the AVX2 and AVX-512 levels (`fusesMultiplyAdds`):
    /// the same bits whichever rows a call covers, and at either of those levels.
    @inlinable
    public static func gemmAccumulate(m: Int, a: UnsafePointer<Float>, lda: Int, b: PackedMatrix,
                                      c: UnsafeMutablePointer<Float>, ldc: Int, level: MatrixVector.Level = .available) {
        if m == 0 || b.columns == 0 { return }
        b.panels.withUnsafeBufferPointer { panels in
            tunesmith_gemm_accumulate(level.rawValue, m, b.columns, b.rows, a, lda, panels.baseAddress!, c, ldc)
        }
    }

    /// The same product for a row-major B (k, n) with row stride `ldb`, packed for this one call.
    public static func gemmAccumulate(m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int,
                                      b: UnsafePointer<Float>, ldb: Int, c: UnsafeMutablePointer<Float>, ldc: Int,
                                      level: MatrixVector.Level = .available) {
        gemmAccumulate(m: m, a: a, lda: lda, b: PackedMatrix(rows: k, columns: n, from: b, rowStride: ldb, columnStride: 1),
                       c: c, ldc: ldc, level: level)
    }

    /// Whether `gemmAccumulate` at `level` (lowered to what the CPU runs) fuses its multiply-adds.
    public static func fusesMultiplyAdds(at level: MatrixVector.Level = .available) -> Bool {
        tunesmith_gemm_fused(level.rawValue) != 0
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
