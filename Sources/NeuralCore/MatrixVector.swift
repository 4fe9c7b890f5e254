import CNeuralKernels
import COpenBLAS

/// Matrix-vector products for batch-1 stepping: OpenBLAS `sgemv` (which picks AVX2/AVX-512 kernels
/// at run time), a portable SIMD loop (the compiler targets baseline x86-64, SSE2, unless told
/// otherwise), and a naive reference.
public enum MatrixVector {
    /// Which implementation `LSTMGenerator` uses.
    public enum Kernel: Sendable, Equatable {
        /// OpenBLAS `cblas_sgemv`.
        case blas
        /// The portable SIMD loop `multiply` (compiled for the package's target, baseline SSE2 on x86-64).
        case simd
        /// The C kernels (`dispatched`) at the generator's `Level`: the same bits on every level.
        case dispatched
    }

    /// y (rows) = W (rows, columns) · x (columns) + bias (rows) through OpenBLAS; `bias` may alias `y`.
    @inlinable
    public static func blas(_ w: UnsafePointer<Float>, rows: Int, columns n: Int, vector x: UnsafePointer<Float>,
                            bias: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>) {
        if UnsafePointer(y) != bias { y.update(from: bias, count: rows) }
        OpenBLASLibrary.shared.sgemv(CblasRowMajor, CblasNoTrans, Int32(rows), Int32(n), 1, w, Int32(n), x, 1, 1, y, 1)
    }

    /// y (rows) = W (rows, columns) · x (columns) + bias (rows), W row-major.
    ///
    /// `bias` may alias `y` (y += W x). Four rows at a time, eight columns per SIMD lane group;
    /// `naive` is the reference the tests compare against.
    @inlinable
    public static func multiply(_ w: UnsafePointer<Float>, rows: Int, columns n: Int, vector x: UnsafePointer<Float>,
                                bias: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>) {
        let wide = n & ~7
        let raw = UnsafeRawPointer(x)
        var r = 0
        while r + 4 <= rows {
            let w0 = UnsafeRawPointer(w + r * n), w1 = UnsafeRawPointer(w + (r + 1) * n)
            let w2 = UnsafeRawPointer(w + (r + 2) * n), w3 = UnsafeRawPointer(w + (r + 3) * n)
            var a0 = SIMD8<Float>(), a1 = SIMD8<Float>(), a2 = SIMD8<Float>(), a3 = SIMD8<Float>()
            var j = 0
            while j < wide {
                let off = j * 4
                let xv = raw.loadUnaligned(fromByteOffset: off, as: SIMD8<Float>.self)
                a0 += w0.loadUnaligned(fromByteOffset: off, as: SIMD8<Float>.self) * xv
                a1 += w1.loadUnaligned(fromByteOffset: off, as: SIMD8<Float>.self) * xv
                a2 += w2.loadUnaligned(fromByteOffset: off, as: SIMD8<Float>.self) * xv
                a3 += w3.loadUnaligned(fromByteOffset: off, as: SIMD8<Float>.self) * xv
                j += 8
            }
            var s0 = a0.sum(), s1 = a1.sum(), s2 = a2.sum(), s3 = a3.sum()
            while j < n {
                s0 += w[r * n + j] * x[j]; s1 += w[(r + 1) * n + j] * x[j]
                s2 += w[(r + 2) * n + j] * x[j]; s3 += w[(r + 3) * n + j] * x[j]
                j += 1
            }
            y[r] = bias[r] + s0; y[r + 1] = bias[r + 1] + s1; y[r + 2] = bias[r + 2] + s2; y[r + 3] = bias[r + 3] + s3
            r += 4
        }
        while r < rows {
            var s: Float = 0
            for j in 0..<n { s += w[r * n + j] * x[j] }
            y[r] = bias[r] + s
            r += 1
        }
    }

    /// The same product as a plain double-precision loop (reference for tests).
    public static func naive(_ w: UnsafePointer<Float>, rows: Int, columns n: Int, vector x: UnsafePointer<Float>,
                             bias: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>) {
        for r in 0..<rows {
            var s = Double(bias[r])
            for j in 0..<n { s += Double(w[r * n + j]) * Double(x[j]) }
            y[r] = Float(s)
        }
    }
}

// MARK: - Run-time dispatched kernels (CNeuralKernels)

extension MatrixVector {
    /// The instruction set the C matrix-vector kernels (`CNeuralKernels`) run with. Every level computes
    /// the same sums in the same order (16 lanes, no fused multiply-add), so results are identical, bit
    /// for bit, on any x86-64 CPU; a higher level only runs faster.
    public enum Level: Int32, Sendable, CaseIterable, Comparable {
        /// x86-64's baseline (SSE2); plain vector code on other architectures.
        case baseline = 0
        /// AVX2.
        case avx2 = 1
        /// AVX-512F.
        case avx512 = 2

        /// The highest level this CPU and its operating system run.
        public static let available = Level(rawValue: tunesmith_kernel_level_available()) ?? .baseline

        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    /// y (rows) = W (rows, columns) · x (columns) + bias (rows), W row-major, through the C kernel at `level`
    /// (lowered to what the CPU runs). `bias` may alias `y`.
    @inlinable
    public static func dispatched(_ w: UnsafePointer<Float>, rows: Int, columns n: Int, vector x: UnsafePointer<Float>,
                                  bias: UnsafePointer<Float>, into y: UnsafeMutablePointer<Float>, level: Level = .available) {
        tunesmith_matvec(level.rawValue, w, rows, n, x, bias, y)
    }

    /// The same product for two vectors in one pass over W (y0 = W x0 + bias0, y1 = W x1 + bias1), each
    /// output bit-identical to `dispatched`'s for that vector. Each bias may alias its output.
    @inlinable
    public static func dispatched(_ w: UnsafePointer<Float>, rows: Int, columns n: Int,
                                  vectors x0: UnsafePointer<Float>, _ x1: UnsafePointer<Float>,
                                  biases b0: UnsafePointer<Float>, _ b1: UnsafePointer<Float>,
                                  into y0: UnsafeMutablePointer<Float>, _ y1: UnsafeMutablePointer<Float>, level: Level = .available) {
        tunesmith_matvec2(level.rawValue, w, rows, n, x0, x1, b0, b1, y0, y1)
    }
}
