import Foundation
import NeuralCore
import Tokens

/// How an LSTM melody model is trained. Stored in checkpoints and model files, so a resumed run can check it
/// continues the same run.
public struct LSTMTrainingConfiguration: Sendable, Codable, Equatable {
    /// E, the embedding width.
    public var embeddingSize = 128
    /// H, the hidden size of each LSTM layer.
    public var hiddenSize = 320
    /// L, stacked LSTM layers.
    public var layerCount = 2
    /// Dropout between LSTM layers.
    public var dropout: Float = 0.2
    /// B, windows per batch.
    public var batchSize = 32
    /// T, tokens per window (each window has T + 1 tokens: inputs and shifted targets).
    public var sequenceLength = 256
    /// Optimiser steps.
    public var steps = 4000
    /// Peak learning rate, reached after the warm-up.
    public var maxLearningRate: Float = 3e-3
    /// Final learning rate of the cosine decay.
    public var minLearningRate: Float = 1e-4
    /// Linear warm-up steps.
    public var warmupSteps = 100
    /// AdamW's decoupled weight decay.
    public var weightDecay: Float = 0.01
    /// Global gradient-norm clip.
    public var gradientClip: Float = 1.0
    /// Seed of initialisation, dropout and batch sampling.
    public var seed: UInt64 = 1
    /// Validate every this many steps (and at the end).
    public var evaluateEvery = 500
    /// Write a checkpoint every this many steps (and at the end).
    public var checkpointEvery = 200

    /// The defaults.
    public init() {}

    /// Throws for settings that cannot train.
    public func validate() throws(ModelError) {
        for (name, v) in [("embedding size", embeddingSize), ("hidden size", hiddenSize), ("layers", layerCount),
                          ("batch size", batchSize), ("sequence length", sequenceLength), ("steps", steps),
                          ("evaluate-every", evaluateEvery), ("checkpoint-every", checkpointEvery)] where v <= 0 {
            throw .invalidSetting("\(name) must be positive, got \(v)")
        }
        guard warmupSteps >= 0, warmupSteps < steps else { throw .invalidSetting("warm-up steps must be in 0..<steps") }
        guard maxLearningRate > 0, minLearningRate >= 0, minLearningRate <= maxLearningRate else {
            throw .invalidSetting("learning rates must satisfy 0 ≤ min ≤ max, max > 0")
        }
        guard dropout >= 0, dropout < 1 else { throw .invalidSetting("dropout must be in [0, 1)") }
    }

    /// The learning rate at a step: linear warm-up to the peak, then cosine decay to the minimum.
    public func schedule() throws(ModelError) -> LearningRateSchedule {
        do {
            return try LearningRateSchedule(maxRate: maxLearningRate, minRate: minLearningRate, warmupSteps: warmupSteps,
                                            decaySteps: steps)
        } catch { throw .neural(error) }
    }

    /// The network's sizes for a vocabulary.
    public func network(vocabularySize: Int) -> LSTMLanguageModel.Configuration {
        .init(vocabularySize: vocabularySize, embeddingSize: embeddingSize, hiddenSize: hiddenSize,
              layerCount: layerCount, dropout: dropout)
    }

    /// The configuration as compact JSON with sorted keys (stable text for metadata comparisons).
    public var json: String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return String(decoding: (try? e.encode(self)) ?? Data(), as: UTF8.self)
    }
}

/// What the training loop reports after each step.
public struct TrainingProgress: Sendable {
    /// Steps done, of `steps`.
    public var step: Int, steps: Int
    /// The batch loss (nats/token) and learning rate of the last step.
    public var loss: Float, learningRate: Float
    /// Training tokens per second over this session of the run.
    public var tokensPerSecond: Double
    /// Estimated seconds to finish.
    public var secondsLeft: Double
    /// Validation nats/token, when this step validated.
    public var validationLoss: Double?
    /// True when this step wrote a checkpoint.
    public var checkpointed: Bool
}
