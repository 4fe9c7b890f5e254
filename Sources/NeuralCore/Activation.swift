import Foundation

/// Element-wise activations over raw buffers, used by the LSTM cell.
public enum Activation {
    /// x ← σ(x) = 1 / (1 + e^(−x)) for `count` elements.
    @inlinable
    public static func sigmoid(_ x: UnsafeMutablePointer<Float>, count: Int) {
        for j in 0..<count { x[j] = 1 / (1 + exp(-x[j])) }
    }

    /// x ← tanh(x) for `count` elements.
    @inlinable
    public static func tanh(_ x: UnsafeMutablePointer<Float>, count: Int) {
        for j in 0..<count { x[j] = Foundation.tanh(x[j]) }
    }
}
