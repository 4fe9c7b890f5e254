import Foundation

/// Data parallelism for a training step: a batch's rows split into equal groups ("shards"), each
/// run forward and backward on its own thread with one-thread OpenBLAS, and the gradients averaged in
/// shard order. On two cores this scales better than letting OpenBLAS split each (small) product, and
/// the result does not depend on thread timing: the same shards give the same bits on every run.
enum DataParallel {
    /// Rows `shard` of `count` equal groups of a row-major (B, T+1) batch.
    static func rows(_ batch: [Int], shard: Int, of count: Int) -> [Int] {
        let size = batch.count / count
        return Array(batch[(shard * size)..<((shard + 1) * size)])
    }

    /// Runs `body(shard, &states[shard])` for every shard at once, OpenBLAS on one thread meanwhile;
    /// returns each shard's loss in order, or throws the first shard's error (in shard order).
    static func run<State>(_ states: inout [State],
                           _ body: @Sendable (Int, inout State) throws(NeuralCoreError) -> Float) throws(NeuralCoreError) -> [Float] {
        let count = states.count
        var losses = [Float](repeating: 0, count: count)
        var failures = [NeuralCoreError?](repeating: nil, count: count)
        let previousThreads = BLASThreads.current
        BLASThreads.set(1)
        defer { BLASThreads.set(previousThreads) }
        states.withUnsafeMutableBufferPointer { stateSlots in
            losses.withUnsafeMutableBufferPointer { lossSlots in
                failures.withUnsafeMutableBufferPointer { failureSlots in
                    // Each iteration reads and writes only its own slots.
                    nonisolated(unsafe) let (stateSlots, lossSlots, failureSlots) = (stateSlots, lossSlots, failureSlots)
                    DispatchQueue.concurrentPerform(iterations: count) { shard in
                        do throws(NeuralCoreError) {
                            lossSlots[shard] = try body(shard, &stateSlots[shard])
                        } catch {
                            failureSlots[shard] = error
                        }
                    }
                }
            }
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        return losses
    }

    /// `into` = the mean of `gradients` (equal shards of one batch: the whole batch's mean-loss gradient),
    /// summed in order.
    static func average(_ gradients: [ParameterSet], into mean: inout ParameterSet) {
        let scale = 1 / Float(gradients.count)
        for p in mean.tensors.indices {
            mean.tensors[p].data.withUnsafeMutableBufferPointer { out in
                for j in out.indices { out[j] = 0 }
                for set in gradients {
                    set.tensors[p].data.withUnsafeBufferPointer { g in
                        for j in out.indices { out[j] += g[j] }
                    }
                }
                for j in out.indices { out[j] *= scale }
            }
        }
    }
}
