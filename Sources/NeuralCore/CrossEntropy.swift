import Foundation

/// Softmax cross-entropy with integer targets, mean over tokens, as `F.cross_entropy`.
public enum CrossEntropy {
    /// loss = −(1/N) Σₙ log softmax(logits[n])[targets[n]] for logits (N, V) and targets (N).
    ///
    /// Returns the loss and the softmax probabilities (N, V), which backward reuses.
    public static func forward(logits: Tensor, targets: [Int]) -> (loss: Float, probabilities: Tensor) {
        var probs = Tensor(shape: [0])
        let loss = forward(logits: logits, targets: targets, probabilities: &probs)
        return (loss, probs)
    }

    /// `forward`, writing the probabilities into `probs` (reusing its storage); returns the loss.
    public static func forward(logits: Tensor, targets: [Int], probabilities probs: inout Tensor) -> Float {
        let v = logits.lastDimension
        let n = logits.rows
        precondition(targets.count == n, "targets must be (N) with N = \(n)")
        probs.resize(to: logits.shape)
        var total: Double = 0
        logits.data.withUnsafeBufferPointer { lp in
            probs.data.withUnsafeMutableBufferPointer { pp in
                for row in 0..<n {
                    let l = lp.baseAddress! + row * v
                    let p = pp.baseAddress! + row * v
                    var maxLogit = -Float.infinity
                    for j in 0..<v { maxLogit = max(maxLogit, l[j]) }
                    for j in 0..<v { p[j] = l[j] - maxLogit }
                    Activation.exp(p, count: v)
                    var sum: Float = 0
                    for j in 0..<v { sum += p[j] }
                    let inv = 1 / sum
                    for j in 0..<v { p[j] *= inv }
                    let target = targets[row]
                    precondition(target >= 0 && target < v, "target \(target) outside 0..<\(v)")
                    // log softmax[target] = l[target] − max − log Σ exp(l − max)
                    total -= Double(l[target] - maxLogit) - Double(log(sum))
                }
            }
        }
        return Float(total / Double(max(n, 1)))
    }

    /// dlogits (N, V) = dLoss · (probabilities − onehot(targets)) / N.
    public static func backward(probabilities: Tensor, targets: [Int], dLoss: Float = 1) -> Tensor {
        var d = probabilities
        backward(inPlace: &d, targets: targets, dLoss: dLoss)
        return d
    }

    /// `backward` in place: turns the probabilities (N, V) into dlogits (N, V).
    public static func backward(inPlace d: inout Tensor, targets: [Int], dLoss: Float = 1) {
        let v = d.lastDimension
        let n = d.rows
        let scale = dLoss / Float(max(n, 1))
        d.data.withUnsafeMutableBufferPointer { dp in
            for row in 0..<n {
                dp[row * v + targets[row]] -= 1
            }
            for i in 0..<dp.count { dp[i] *= scale }
        }
    }
}
