import Testing
@testable import NeuralCore

@Test func clippingScalesToTheMaximumNormOnlyWhenAbove() {
    var g = ParameterSet([("a", Tensor(shape: [2], data: [3, 0])), ("b", Tensor(shape: [1], data: [4]))])
    #expect(g.globalNorm == 5)
    let before = g.clipGlobalNorm(10)
    #expect(before == 5 && g["a"].data == [3, 0])
    g.clipGlobalNorm(1)
    #expect(abs(g.globalNorm - 1) < 1e-6)
    #expect(abs(g["b"].data[0] - 0.8) < 1e-6)
    #expect(g.names == ["a", "b"] && g.scalarCount == 3)
}
