import CNeuralKernels
import Testing
@testable import NeuralCore

// The C kernels (CNeuralKernels) at every instruction-set level this CPU runs: the same bits as the baseline
// level, close to the double-precision naive product, and the two-vector product equal to two one-vector ones.

private func normals(_ count: Int, _ rng: inout Xoshiro256StarStar) -> [Float] { (0..<count).map { _ in rng.nextNormal() } }

private let levels = MatrixVector.Level.allCases.filter { $0 <= .available }

@Test func dispatchedProductsAreTheSameBitsAtEveryLevelAndMatchTheNaiveProduct() {
    #expect(levels.contains(.baseline))
    for (rows, cols) in [(1, 1), (3, 16), (9, 13), (17, 48), (33, 192), (128, 768), (5, 31)] {
        var rng = Xoshiro256StarStar(seed: UInt64(rows * 1000 + cols))
        let w = normals(rows * cols, &rng), x0 = normals(cols, &rng), x1 = normals(cols, &rng)
        let b0 = normals(rows, &rng), b1 = normals(rows, &rng)
        var naive = [Float](repeating: 0, count: rows)
        MatrixVector.naive(w, rows: rows, columns: cols, vector: x0, bias: b0, into: &naive)
        var baseline: [Float] = []
        for level in levels {
            var one = [Float](repeating: 0, count: rows), y0 = one, y1 = one, second = one
            MatrixVector.dispatched(w, rows: rows, columns: cols, vector: x0, bias: b0, into: &one, level: level)
            MatrixVector.dispatched(w, rows: rows, columns: cols, vector: x1, bias: b1, into: &second, level: level)
            MatrixVector.dispatched(w, rows: rows, columns: cols, vectors: x0, x1, biases: b0, b1, into: &y0, &y1, level: level)
            if level == .baseline { baseline = one }
            #expect(one == baseline, "\(rows)×\(cols) at \(level)")
            #expect(y0 == one && y1 == second, "\(rows)×\(cols) at \(level): two vectors differ from one")
            for r in 0..<rows { #expect(abs(one[r] - naive[r]) < 1e-4 * Float(cols).squareRoot(), "\(rows)×\(cols) row \(r)") }
            // a row's sum does not depend on the rows around it (how the threads split the rows)
            var tail = [Float](repeating: 0, count: rows)
            let cut = rows / 2
            w.withUnsafeBufferPointer { wp in b0.withUnsafeBufferPointer { bp in tail.withUnsafeMutableBufferPointer { yp in
                MatrixVector.dispatched(wp.baseAddress! + cut * cols, rows: rows - cut, columns: cols, vector: x0,
                                        bias: bp.baseAddress! + cut, into: yp.baseAddress! + cut, level: level)
            }}}
            #expect(Array(tail[cut...]) == Array(one[cut...]), "\(rows)×\(cols) at \(level): split rows differ")
        }
    }
}

@Test func dispatchedAttentionIsTheSameBitsAtEveryLevelAndMatchesItsDefinition() {
    for (count, d, stride) in [(1, 48, 192), (7, 16, 16), (130, 48, 192), (9, 13, 20), (40, 80, 96)] {
        var rng = Xoshiro256StarStar(seed: UInt64(count * 100 + d))
        let q = normals(d, &rng), keys = normals(count * stride, &rng), values = normals(count * stride, &rng)
        let weights = (0..<count).map { _ in Float(rng.next() % 1000) / 1000 }
        let scale: Float = 0.3, inverse: Float = 0.7
        var firstScores: [Float] = [], firstMix: [Float] = []
        for level in levels {
            var scores = [Float](repeating: 0, count: count), mixed = [Float](repeating: .nan, count: d)
            tunesmith_attention_scores(level.rawValue, q, keys, stride, count, d, scale, &scores)
            tunesmith_attention_mix(level.rawValue, weights, inverse, values, stride, count, d, &mixed)
            if level == .baseline { (firstScores, firstMix) = (scores, mixed) }
            #expect(scores == firstScores && mixed == firstMix, "count \(count), d \(d) at \(level)")
            for j in 0..<count {
                var s = 0.0
                for i in 0..<d { s += Double(q[i]) * Double(keys[j * stride + i]) }
                #expect(abs(Double(scores[j]) - s * Double(scale)) < 1e-4, "score \(j)")
            }
            for i in 0..<d {
                var s = 0.0
                for j in 0..<count { s += Double(weights[j]) * Double(inverse) * Double(values[j * stride + i]) }
                #expect(abs(Double(mixed[i]) - s) < 1e-4 * Double(count).squareRoot(), "feature \(i)")
            }
        }
    }
}

@Test func dispatchedGELUIsGELUForwardBitForBitAtEveryLevel() {
    var rng = Xoshiro256StarStar(seed: 11)
    // normal values at several scales, the clamps of e^x, zeros of both signs, and a tail of 5 lanes
    var x = (0..<4000).map { i in rng.nextNormal() * [0.1, 1, 3, 12][i % 4] }
    x += [0, -0, 1e-30, -1e-30, 40, -40, 200, -200, .infinity, -.infinity, 13.5, -13.5, 0.5]
    var expected = [Float](repeating: 0, count: x.count)
    GELU.forward(x, &expected, count: x.count)
    for level in levels {
        var y = [Float](repeating: .nan, count: x.count)
        tunesmith_gelu(level.rawValue, x, &y, x.count)
        let differing = x.indices.filter { y[$0].bitPattern != expected[$0].bitPattern }
        #expect(differing.isEmpty, "\(level): \(differing.prefix(5).map { (x[$0], y[$0], expected[$0]) })")
    }
}

@Test func dispatchedGELUBackwardIsGELUBackwardBitForBitAtEveryLevel() {
    var rng = Xoshiro256StarStar(seed: 12)
    var x = (0..<4000).map { i in rng.nextNormal() * [0.1, 1, 3, 12][i % 4] }
    x += [0, -0, 1e-30, -1e-30, 40, -40, 200, -200, .infinity, -.infinity, 13.5, -13.5, 0.5]
    let dy = x.indices.map { _ in rng.nextNormal() }
    var expected = [Float](repeating: 0, count: x.count)
    GELU.backward(dy, x: x, dx: &expected, count: x.count)
    for level in levels {
        var dx = [Float](repeating: .nan, count: x.count)
        tunesmith_gelu_backward(level.rawValue, dy, x, &dx, x.count)
        let differing = x.indices.filter { dx[$0].bitPattern != expected[$0].bitPattern }
        #expect(differing.isEmpty, "\(level): \(differing.prefix(5).map { (x[$0], dx[$0], expected[$0]) })")
    }
    // the tensor functions (the C kernels) give the pointer functions' bits
    let t = Tensor(shape: [x.count], data: x), g = Tensor(shape: [x.count], data: dy)
    #expect(GELU.backward(g, x: t).data.map(\.bitPattern) == expected.map(\.bitPattern))
    var forward = [Float](repeating: 0, count: x.count)
    GELU.forward(x, &forward, count: x.count)
    #expect(GELU.forward(t).data.map(\.bitPattern) == forward.map(\.bitPattern))
}

@Test func dispatchedSigmoidAndTanhAreActivationsBitsAtEveryLevel() {
    var rng = Xoshiro256StarStar(seed: 13)
    var x = (0..<4003).map { i in rng.nextNormal() * [0.1, 1, 4, 30][i % 4] }
    x += [0, -0, 1e-30, -1e-30, 44, -44, 90, -90, 200, -200, .infinity, -.infinity, 0.5]
    var sigmoid = x, tanh = x
    sigmoid.withUnsafeMutableBufferPointer { Activation.sigmoid($0.baseAddress!, count: x.count) }
    tanh.withUnsafeMutableBufferPointer { Activation.tanh($0.baseAddress!, count: x.count) }
    for level in levels {
        var s = x, t = x
        s.withUnsafeMutableBufferPointer { Activation.sigmoid($0.baseAddress!, count: x.count, level: level) }
        t.withUnsafeMutableBufferPointer { Activation.tanh($0.baseAddress!, count: x.count, level: level) }
        let badS = x.indices.filter { s[$0].bitPattern != sigmoid[$0].bitPattern }
        let badT = x.indices.filter { t[$0].bitPattern != tanh[$0].bitPattern }
        #expect(badS.isEmpty, "σ at \(level): \(badS.prefix(5).map { (x[$0], s[$0], sigmoid[$0]) })")
        #expect(badT.isEmpty, "tanh at \(level): \(badT.prefix(5).map { (x[$0], t[$0], tanh[$0]) })")
    }
}

@Test func dispatchedLayerNormIsTheSameBitsAtEveryLevelAndMatchesLayerNorm() {
    for c in [1, 7, 16, 48, 192, 200] {
        var rng = Xoshiro256StarStar(seed: UInt64(c))
        let x = Tensor(shape: [1, c], normalMean: 0.5, std: 2, using: &rng)
        let w = Tensor(shape: [c], normalMean: 1, std: 0.3, using: &rng)
        let b = Tensor(shape: [c], normalMean: 0, std: 0.3, using: &rng)
        let (reference, _) = LayerNorm.forward(x, weight: w, bias: b)
        var first: [Float] = []
        for level in levels {
            var y = [Float](repeating: .nan, count: c)
            tunesmith_layer_norm(level.rawValue, x.data, w.data, b.data, &y, c)
            if level == .baseline { first = y }
            #expect(y == first, "C \(c) at \(level)")
            for j in 0..<c { #expect(abs(y[j] - reference.data[j]) < 1e-5, "C \(c), feature \(j)") }
        }
    }
}

/// The LSTM's recurrent product: the naive product's result at every level; the same bits for B packed once
/// (what the LSTM does) or for each call, whichever rows a call covers, and at AVX2 and AVX-512 (both fuse
/// their multiply-adds; the baseline level does not, and may differ from them in the last bits).
@Test func packedGemmMatchesTheNaiveProductAndGivesTheSameBitsForAnyRows() {
    #expect(!MatrixProduct.fusesMultiplyAdds(at: .baseline))
    if MatrixVector.Level.available > .baseline { #expect(MatrixProduct.fusesMultiplyAdds(at: .available)) }
    for (m, n, k) in [(1, 1, 1), (3, 16, 5), (16, 1024, 256), (16, 256, 1024), (9, 37, 13), (17, 100, 64), (8, 40, 7)] {
        var rng = Xoshiro256StarStar(seed: UInt64(m * 10_000 + n * 10 + k))
        // A and C as rows of a wider buffer (strides larger than the widths), as the LSTM's time-major rows are
        let (lda, ldc) = (k + 3, n + 5)
        let a = normals(m * lda, &rng), b = normals(k * n, &rng), c0 = normals(m * ldc, &rng)
        var expected = c0
        MatrixProduct.naiveGemm(transposeA: false, transposeB: false, m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: n,
                                beta: 1, c: &expected, ldc: ldc)
        // Bᵀ stored row-major (n, k) packs to the same panels as B
        var bT = [Float](repeating: 0, count: n * k)
        for p in 0..<k { for j in 0..<n { bT[j * k + p] = b[p * n + j] } }
        let packed = MatrixProduct.PackedMatrix(rows: k, columns: n, from: b, rowStride: n, columnStride: 1)
        #expect(MatrixProduct.PackedMatrix(rows: k, columns: n, from: bT, rowStride: 1, columnStride: k).panels == packed.panels)
        var fused: [Float]? = nil
        for level in levels {
            var c = c0
            MatrixProduct.gemmAccumulate(m: m, n: n, k: k, a: a, lda: lda, b: b, ldb: n, c: &c, ldc: ldc, level: level)
            var once = c0
            a.withUnsafeBufferPointer { ap in
                MatrixProduct.gemmAccumulate(m: m, a: ap.baseAddress!, lda: lda, b: packed, c: &once, ldc: ldc, level: level)
            }
            #expect(once == c, "\(m)×\(n)×\(k) at \(level): packed once and packed per call differ")
            if MatrixProduct.fusesMultiplyAdds(at: level) {
                if let fused { #expect(c == fused, "\(m)×\(n)×\(k) at \(level)") } else { fused = c }
            }
            var worst: Float = 0
            for i in 0..<m { for j in 0..<n { worst = max(worst, abs(c[i * ldc + j] - expected[i * ldc + j])) } }
            #expect(worst < 1e-4 * Float(k).squareRoot(), "\(m)×\(n)×\(k) at \(level): \(worst)")
            // the padding between rows is not touched
            for i in 0..<m { for j in n..<ldc { #expect(c[i * ldc + j] == c0[i * ldc + j]) } }
            // rows are independent: the last rows alone give the same bits
            if m > 1 {
                var tail = c0
                a.withUnsafeBufferPointer { ap in tail.withUnsafeMutableBufferPointer { cp in
                    MatrixProduct.gemmAccumulate(m: m - 1, a: ap.baseAddress! + lda, lda: lda, b: packed,
                                                 c: cp.baseAddress! + ldc, ldc: ldc, level: level)
                }}
                #expect(Array(tail[ldc...]) == Array(c[ldc...]), "\(m)×\(n)×\(k) at \(level): rows depend on each other")
            }
        }
    }
}
