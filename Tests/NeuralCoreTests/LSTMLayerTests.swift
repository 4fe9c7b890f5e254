import Foundation
import Testing
@testable import NeuralCore

/// A scalar-by-scalar transcription of PyTorch's LSTM equations, the reference for forward.
func referenceLSTMStep(x: [Float], h: [Float], c: [Float], w: LSTMLayerWeights) -> (h: [Float], c: [Float]) {
    let hs = w.hiddenSize, inS = w.inputSize
    var pre = [Double](repeating: 0, count: 4 * hs)
    for r in 0..<(4 * hs) {
        var s = Double(w.biasIH.data[r]) + Double(w.biasHH.data[r])
        for j in 0..<inS { s += Double(w.weightIH.data[r * inS + j]) * Double(x[j]) }
        for j in 0..<hs { s += Double(w.weightHH.data[r * hs + j]) * Double(h[j]) }
        pre[r] = s
    }
    let sig = { (v: Double) in 1 / (1 + exp(-v)) }
    var hN = [Float](repeating: 0, count: hs), cN = [Float](repeating: 0, count: hs)
    for j in 0..<hs {
        let i = sig(pre[j]), f = sig(pre[hs + j]), g = tanh(pre[2 * hs + j]), o = sig(pre[3 * hs + j])
        let cj = f * Double(c[j]) + i * g
        cN[j] = Float(cj)
        hN[j] = Float(o * tanh(cj))
    }
    return (hN, cN)
}

@Test func lstmLayerForwardMatchesTheEquations() {
    var rng = Xoshiro256StarStar(seed: 5)
    let (b, t, i, h) = (2, 4, 3, 5)
    let w = LSTMLayerWeights(input: i, hidden: h, using: &rng)
    let x = Tensor(shape: [b, t, i], normalMean: 0, std: 1, using: &rng)
    let h0 = Tensor(shape: [b, h], normalMean: 0, std: 0.5, using: &rng)
    let c0 = Tensor(shape: [b, h], normalMean: 0, std: 0.5, using: &rng)
    let cache = LSTMLayer.forward(x, weights: w, h0: h0, c0: c0)
    for batch in 0..<b {
        var hs = Array(h0.data[batch * h..<(batch + 1) * h]), cs = Array(c0.data[batch * h..<(batch + 1) * h])
        for step in 0..<t {
            let xs = Array(x.data[(batch * t + step) * i..<(batch * t + step + 1) * i])
            (hs, cs) = referenceLSTMStep(x: xs, h: hs, c: cs, w: w)
            let row = (batch * t + step) * h
            for j in 0..<h {
                #expect(abs(cache.outputs.data[row + j] - hs[j]) < 1e-6)
                #expect(abs(cache.cells.data[row + j] - cs[j]) < 1e-6)
            }
        }
    }
}

@Test(arguments: [UInt64(1), 2])
func lstmLayerGradientsMatchFiniteDifferences(seed: UInt64) {
    var rng = Xoshiro256StarStar(seed: seed)
    let (b, t, i, h) = (2, 3, 3, 4)
    let w = LSTMLayerWeights(input: i, hidden: h, using: &rng)
    let x = Tensor(shape: [b, t, i], normalMean: 0, std: 1, using: &rng)
    let h0 = Tensor(shape: [b, h], normalMean: 0, std: 0.5, using: &rng)
    let c0 = Tensor(shape: [b, h], normalMean: 0, std: 0.5, using: &rng)
    let r = Tensor(shape: [b, t, h], normalMean: 0, std: 1, using: &rng)
    let cache = LSTMLayer.forward(x, weights: w, h0: h0, c0: c0)
    var grads = LSTMLayerWeights(zerosInput: i, hidden: h)
    let (dx, dh0, dc0) = LSTMLayer.backward(r, input: x, cache: cache, weights: w, grads: &grads)
    func loss(_ x: Tensor, _ w: LSTMLayerWeights, _ h0: Tensor, _ c0: Tensor) -> Double {
        GradientCheck.projection(LSTMLayer.forward(x, weights: w, h0: h0, c0: c0).outputs, r)
    }
    let tol = GradientCheck.tolerance
    #expect(GradientCheck.relativeError(dx.data, GradientCheck.numeric(at: x) { loss($0, w, h0, c0) }) < tol)
    #expect(GradientCheck.relativeError(dh0.data, GradientCheck.numeric(at: h0) { loss(x, w, $0, c0) }) < tol)
    #expect(GradientCheck.relativeError(dc0.data, GradientCheck.numeric(at: c0) { loss(x, w, h0, $0) }) < tol)
    let params: [(WritableKeyPath<LSTMLayerWeights, Tensor>, String)] =
        [(\.weightIH, "weight_ih"), (\.weightHH, "weight_hh"), (\.biasIH, "bias_ih"), (\.biasHH, "bias_hh")]
    for (path, name) in params {
        let numeric = GradientCheck.numeric(at: w[keyPath: path]) { p in
            var v = w
            v[keyPath: path] = p
            return loss(x, v, h0, c0)
        }
        #expect(GradientCheck.relativeError(grads[keyPath: path].data, numeric) < tol, "\(name) seed \(seed)")
    }
}
