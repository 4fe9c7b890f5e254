import Testing
@testable import NeuralCore

@Test func stackedLSTMGradientsMatchFiniteDifferencesWithDropout() {
    var rng = Xoshiro256StarStar(seed: 9)
    let (b, t, i, h) = (2, 3, 3, 4)
    let layers = [LSTMLayerWeights(input: i, hidden: h, using: &rng), LSTMLayerWeights(input: h, hidden: h, using: &rng)]
    let x = Tensor(shape: [b, t, i], normalMean: 0, std: 1, using: &rng)
    let r = Tensor(shape: [b, t, h], normalMean: 0, std: 1, using: &rng)
    // The same seed gives the same dropout mask in every evaluation, so the loss is a fixed function.
    func run(_ x: Tensor, _ layers: [LSTMLayerWeights]) -> (Tensor, LSTM.Cache) {
        var maskRNG = Xoshiro256StarStar(seed: 77)
        let out = LSTM.forward(x, layers: layers, dropout: 0.3, training: true, using: &maskRNG)
        return (out.output, out.cache)
    }
    let (_, cache) = run(x, layers)
    #expect(cache.masks.count == 1 && cache.masks[0].data.contains(0))
    var grads = [LSTMLayerWeights(zerosInput: i, hidden: h), LSTMLayerWeights(zerosInput: h, hidden: h)]
    let dx = LSTM.backward(r, input: x, cache: cache, layers: layers, grads: &grads)
    let tol = GradientCheck.tolerance
    #expect(GradientCheck.relativeError(dx.data, GradientCheck.numeric(at: x) { GradientCheck.projection(run($0, layers).0, r) }) < tol)
    for k in 0..<2 {
        let numeric = GradientCheck.numeric(at: layers[k].weightIH) { p in
            var l = layers
            l[k].weightIH = p
            return GradientCheck.projection(run(x, l).0, r)
        }
        #expect(GradientCheck.relativeError(grads[k].weightIH.data, numeric) < tol, "layer \(k)")
    }
}

@Test func evaluationUsesNoDropoutAndCarriesState() {
    var rng = Xoshiro256StarStar(seed: 2)
    let layers = [LSTMLayerWeights(input: 3, hidden: 4, using: &rng), LSTMLayerWeights(input: 4, hidden: 4, using: &rng)]
    let x = Tensor(shape: [1, 6, 3], normalMean: 0, std: 1, using: &rng)
    var r1 = Xoshiro256StarStar(seed: 1)
    let whole = LSTM.forward(x, layers: layers, dropout: 0.5, training: false, using: &r1)
    #expect(whole.cache.masks.isEmpty)
    // running the first 2 steps, then the last 4 from the carried state, gives the same outputs
    let first = Tensor(shape: [1, 2, 3], data: Array(x.data[0..<6]))
    let rest = Tensor(shape: [1, 4, 3], data: Array(x.data[6...]))
    let a = LSTM.forward(first, layers: layers, using: &r1)
    let b = LSTM.forward(rest, layers: layers, initialState: a.state, using: &r1)
    #expect(Array(whole.output.data[8...]) == b.output.data)
    #expect(whole.state == b.state)
}
