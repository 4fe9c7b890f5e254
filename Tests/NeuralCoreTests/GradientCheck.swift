@testable import NeuralCore

/// Central finite differences for the gradient checks: dL/dx[i] ≈ (L(x + ε eᵢ) − L(x − ε eᵢ)) / 2ε,
/// with the loss evaluated in Double so only the layer's own Float32 rounding remains.
enum GradientCheck {
    /// Numerical gradient of `loss` with respect to every element of `x`.
    static func numeric(at x: Tensor, eps: Float = 5e-3, _ loss: (Tensor) -> Double) -> [Double] {
        var grad = [Double](repeating: 0, count: x.count)
        var probe = x
        for i in 0..<x.count {
            let original = probe.data[i]
            probe.data[i] = original + eps
            let plus = loss(probe)
            probe.data[i] = original - eps
            let minus = loss(probe)
            probe.data[i] = original
            grad[i] = (plus - minus) / Double(2 * eps)
        }
        return grad
    }

    /// max |analytic − numeric| divided by max |numeric| (the gradient's scale, at least 1e-6).
    static func relativeError(_ analytic: [Float], _ numeric: [Double]) -> Double {
        precondition(analytic.count == numeric.count)
        var worst = 0.0
        var scale = 1e-6
        for i in analytic.indices {
            worst = max(worst, abs(Double(analytic[i]) - numeric[i]))
            scale = max(scale, abs(numeric[i]))
        }
        return worst / scale
    }

    /// A scalar loss L = Σ r ⊙ y for a fixed random projection r, so that dL/dy = r.
    static func projection(_ y: Tensor, _ r: Tensor) -> Double {
        var s = 0.0
        for i in 0..<y.count { s += Double(y.data[i]) * Double(r.data[i]) }
        return s
    }

    /// Tolerance for relativeError in Float32 checks: the step and rounding leave about 1e-3.
    static let tolerance = 1e-2
}
