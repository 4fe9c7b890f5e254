import Foundation

/// Linear warm-up followed by cosine decay to a floor, as in nanoGPT's `get_lr`.
public struct LearningRateSchedule: Sendable, Equatable {
    /// Peak learning rate, reached at the end of warm-up.
    public var maxRate: Float
    /// Floor the cosine decays to.
    public var minRate: Float
    /// Steps of linear warm-up.
    public var warmupSteps: Int
    /// Step at which the decay reaches `minRate`; later steps stay there.
    public var decaySteps: Int

    /// Creates a schedule; needs 0 ≤ `warmupSteps` ≤ `decaySteps` and 0 ≤ `minRate` ≤ `maxRate`.
    public init(maxRate: Float, minRate: Float, warmupSteps: Int, decaySteps: Int) throws(NeuralCoreError) {
        guard warmupSteps >= 0, decaySteps >= warmupSteps else {
            throw .invalidArgument(name: "learning-rate schedule",
                                   reason: "warm-up steps (\(warmupSteps)) must lie between 0 and the decay steps (\(decaySteps))")
        }
        guard minRate >= 0, maxRate >= minRate, maxRate.isFinite else {
            throw .invalidArgument(name: "learning-rate schedule",
                                   reason: "need 0 ≤ minimum rate (\(minRate)) ≤ maximum rate (\(maxRate))")
        }
        self.maxRate = maxRate
        self.minRate = minRate
        self.warmupSteps = warmupSteps
        self.decaySteps = decaySteps
    }

    /// The learning rate for step `step` (0-based).
    public func rate(at step: Int) -> Float {
        // 1. warm-up: rises linearly, (step + 1) / (warmup + 1) of the peak, never exactly 0
        if step < warmupSteps {
            return maxRate * Float(step + 1) / Float(warmupSteps + 1)
        }
        // 2. after the decay window: the floor
        if step >= decaySteps {
            return minRate
        }
        // 3. in between: cosine from maxRate (ratio 0) down to minRate (ratio 1)
        let ratio = Double(step - warmupSteps) / Double(decaySteps - warmupSteps)
        let coefficient = 0.5 * (1 + cos(Double.pi * ratio))
        return minRate + Float(coefficient) * (maxRate - minRate)
    }
}
