import Foundation
import NeuralCore
import Tokens

/// How a transformer melody model is trained. Stored in checkpoints and model files, so a resumed run can check
/// it continues the same run.
public struct TransformerTrainingConfiguration: Sendable, Codable, Equatable {
    /// C, the width of the residual stream.
    public var width = 128
    /// L, blocks.
    public var layerCount = 4
    /// H, attention heads per block.
    public var headCount = 4
    /// F, the MLP's hidden width.
    public var feedForwardSize = 512
    /// P, positions: the longest context (a 32-bar reel is about 400 tokens).
    public var context = 512
    /// B, windows per batch.
    public var batchSize = 16
    /// T, tokens per window (each window has T + 1 tokens: inputs and shifted targets); at most P.
    public var sequenceLength = 512
    /// Optimiser steps.
    public var steps = 3000
    /// Peak learning rate, reached after the warm-up.
    public var maxLearningRate: Float = 2e-3
    /// Final learning rate of the cosine decay.
    public var minLearningRate: Float = 1e-4
    /// Linear warm-up steps.
    public var warmupSteps = 100
    /// AdamW's decoupled weight decay.
    public var weightDecay: Float = 0.1
    /// Global gradient-norm clip.
    public var gradientClip: Float = 1.0
    /// Seed of initialisation and batch sampling.
    public var seed: UInt64 = 1
    /// Validate every this many steps (and at the end).
    public var evaluateEvery = 250
    /// Write a checkpoint every this many steps (and at the end).
    public var checkpointEvery = 50

    /// The defaults.
    public init() {}

    /// Throws for settings that cannot train.
    public func validate() throws(ModelError) {
        for (name, v) in [("width", width), ("layers", layerCount), ("heads", headCount), ("feed-forward size", feedForwardSize),
                          ("context", context), ("batch size", batchSize), ("sequence length", sequenceLength), ("steps", steps),
                          ("evaluate-every", evaluateEvery), ("checkpoint-every", checkpointEvery)] where v <= 0 {
            throw .invalidSetting("\(name) must be positive, got \(v)")
        }
        guard width % headCount == 0 else { throw .invalidSetting("width \(width) must be divisible by the head count \(headCount)") }
        guard sequenceLength <= context else {
            throw .invalidSetting("sequence length \(sequenceLength) must be at most the context \(context)")
        }
        guard warmupSteps >= 0, warmupSteps < steps else { throw .invalidSetting("warm-up steps must be in 0..<steps") }
        guard maxLearningRate > 0, minLearningRate >= 0, minLearningRate <= maxLearningRate else {
            throw .invalidSetting("learning rates must satisfy 0 ≤ min ≤ max, max > 0")
        }
        guard weightDecay >= 0 else { throw .invalidSetting("weight decay must be ≥ 0") }
    }

    /// The learning rate at a step: linear warm-up to the peak, then cosine decay to the minimum.
    public func schedule() throws(ModelError) -> LearningRateSchedule {
        do {
            return try LearningRateSchedule(maxRate: maxLearningRate, minRate: minLearningRate, warmupSteps: warmupSteps,
                                            decaySteps: steps)
        } catch { throw .neural(error) }
    }

    /// The network's sizes for a vocabulary.
    public func network(vocabularySize: Int) -> TransformerLanguageModel.Configuration {
        .init(vocabularySize: vocabularySize, width: width, layerCount: layerCount, headCount: headCount,
              feedForwardSize: feedForwardSize, context: context)
    }

    /// The configuration as compact JSON with sorted keys (stable text for metadata comparisons).
    public var json: String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return String(decoding: (try? e.encode(self)) ?? Data(), as: UTF8.self)
    }
}
