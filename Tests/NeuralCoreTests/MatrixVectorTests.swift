import Testing
@testable import NeuralCore

@Test func matrixVectorMatchesTheNaiveProduct() {
    for (rows, cols) in [(1, 1), (4, 8), (7, 13), (1024, 256), (5, 31)] {
        var rng = Xoshiro256StarStar(seed: UInt64(rows * 1000 + cols))
        let w = Tensor(shape: [rows, cols], normalMean: 0, std: 1, using: &rng)
        let x = Tensor(shape: [cols], normalMean: 0, std: 1, using: &rng)
        let b = Tensor(shape: [rows], normalMean: 0, std: 1, using: &rng)
        var fast = [Float](repeating: 0, count: rows), slow = fast, blas = fast
        w.data.withUnsafeBufferPointer { wp in
            x.data.withUnsafeBufferPointer { xp in
                b.data.withUnsafeBufferPointer { bp in
                    MatrixVector.multiply(wp.baseAddress!, rows: rows, columns: cols, vector: xp.baseAddress!, bias: bp.baseAddress!, into: &fast)
                    MatrixVector.blas(wp.baseAddress!, rows: rows, columns: cols, vector: xp.baseAddress!, bias: bp.baseAddress!, into: &blas)
                    MatrixVector.naive(wp.baseAddress!, rows: rows, columns: cols, vector: xp.baseAddress!, bias: bp.baseAddress!, into: &slow)
                }
            }
        }
        for r in 0..<rows {
            #expect(abs(fast[r] - slow[r]) < 1e-4, "\(rows)×\(cols) row \(r)")
            #expect(abs(blas[r] - slow[r]) < 1e-4, "\(rows)×\(cols) row \(r)")
        }
    }
}
