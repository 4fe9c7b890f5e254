import Foundation
import Testing
@testable import NeuralCore

@Test func vectorisedActivationsMatchFoundation() {
    var worstExp = 0.0, worstSigmoid = 0.0, worstTanh = 0.0
    var x = [Float](repeating: 0, count: 20_001)  // odd length: the scalar tail runs too
    for i in x.indices { x[i] = -40 + 80 * Float(i) / 20_000 }
    var s = x, t = x
    s.withUnsafeMutableBufferPointer { Activation.sigmoid($0.baseAddress!, count: $0.count) }
    t.withUnsafeMutableBufferPointer { Activation.tanh($0.baseAddress!, count: $0.count) }
    for i in x.indices {
        let v = Double(x[i])
        worstExp = max(worstExp, abs(Double(Activation.exp(x[i])) / Foundation.exp(v) - 1))
        worstSigmoid = max(worstSigmoid, abs(Double(s[i]) - 1 / (1 + Foundation.exp(-v))))
        worstTanh = max(worstTanh, abs(Double(t[i]) - Foundation.tanh(v)))
    }
    #expect(worstExp < 5e-7)      // relative
    #expect(worstSigmoid < 2e-7)  // absolute
    #expect(worstTanh < 3e-7)     // absolute
    #expect(Activation.exp(-1000) >= 0 && Activation.exp(1000).isFinite)
}
