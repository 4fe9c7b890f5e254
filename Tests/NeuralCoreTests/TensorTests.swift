import Testing
@testable import NeuralCore

@Test func tensorStoresRowMajor() {
    let t = Tensor(shape: [2, 3], data: [0, 1, 2, 3, 4, 5])
    #expect(t.rows == 2 && t.lastDimension == 3 && t.count == 6)
    #expect(t.data[1 * 3 + 2] == 5)  // element (1, 2)
    #expect(t.reshaped([3, 2]).shape == [3, 2])
    var z = t
    z.zero()
    #expect(z.data.allSatisfy { $0 == 0 } && z.shape == [2, 3])
    #expect(t.maxAbsDifference(Tensor(shape: [2, 3], data: [0, 1, 2, 3, 4, 7])) == 2)
}

@Test func sameSeedSameTensors() {
    var a = Xoshiro256StarStar(seed: 42)
    var b = Xoshiro256StarStar(seed: 42)
    #expect(Tensor(shape: [5, 7], normalMean: 0, std: 1, using: &a) == Tensor(shape: [5, 7], normalMean: 0, std: 1, using: &b))
    #expect(Tensor(shape: [9], uniformIn: -1...1, using: &a) == Tensor(shape: [9], uniformIn: -1...1, using: &b))
}
