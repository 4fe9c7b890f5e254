import Testing
@testable import NeuralCore

/// OpenBLAS against the naive triple loop for every transpose combination and odd sizes,
/// including strided (leading dimension > width) operands and beta accumulation.
@Test(arguments: [false, true], [false, true])
func blasMatchesNaiveProduct(transposeA: Bool, transposeB: Bool) {
    for seed: UInt64 in 1...4 {
        var rng = Xoshiro256StarStar(seed: seed)
        let m = 1 + Int(rng.next() % 37), n = 1 + Int(rng.next() % 41), k = 1 + Int(rng.next() % 53)
        let (aRows, aCols) = transposeA ? (k, m) : (m, k)
        let (bRows, bCols) = transposeB ? (n, k) : (k, n)
        let lda = aCols + 3, ldb = bCols + 2, ldc = n + 5
        let a = Tensor(shape: [aRows, lda], normalMean: 0, std: 1, using: &rng)
        let b = Tensor(shape: [bRows, ldb], normalMean: 0, std: 1, using: &rng)
        let c0 = Tensor(shape: [m, ldc], normalMean: 0, std: 1, using: &rng)
        var fast = c0, slow = c0
        a.data.withUnsafeBufferPointer { ap in
            b.data.withUnsafeBufferPointer { bp in
                fast.data.withUnsafeMutableBufferPointer { cp in
                    MatrixProduct.gemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 0.5,
                                       a: ap.baseAddress!, lda: lda, b: bp.baseAddress!, ldb: ldb,
                                       beta: 0.25, c: cp.baseAddress!, ldc: ldc)
                }
                slow.data.withUnsafeMutableBufferPointer { cp in
                    MatrixProduct.naiveGemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k, alpha: 0.5,
                                            a: ap.baseAddress!, lda: lda, b: bp.baseAddress!, ldb: ldb,
                                            beta: 0.25, c: cp.baseAddress!, ldc: ldc)
                }
            }
        }
        #expect(fast.maxAbsDifference(slow) < 1e-4 * Float(k), "seed \(seed) m \(m) n \(n) k \(k)")
        // padding columns beyond n are untouched
        for i in 0..<m { #expect(fast.data[i * ldc + n] == c0.data[i * ldc + n]) }
    }
}

@Test func matmulOfSmallMatricesIsExact() {
    let a = Tensor(shape: [2, 3], data: [1, 2, 3, 4, 5, 6])
    let b = Tensor(shape: [3, 2], data: [7, 8, 9, 10, 11, 12])
    let expected = Tensor(shape: [2, 2], data: [58, 64, 139, 154])  // worked by hand
    #expect(a.matmul(b) == expected)
    #expect(a.matmul(b, naive: true) == expected)
    #expect(b.matmul(a, transposeSelf: true, transposeOther: true) == Tensor(shape: [2, 2], data: [58, 139, 64, 154]))
}

@Test func blasThreadCountCanBeSet() {
    let before = BLASThreads.current
    BLASThreads.set(1)
    #expect(BLASThreads.current == 1)
    BLASThreads.set(before)
    #expect(BLASThreads.current == before)
}
