import ArgumentParser
import Corpus
import Foundation
import Models
import NeuralCore
import Tokens

/// `compose train`: train a melody model on the corpus, with progress, checkpoints and resume.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a melody model on the corpus's training split.",
        discussion: """
            Progress goes to stderr (every step on a terminal; each validation otherwise). A checkpoint is written \
            atomically every --checkpoint-every steps; --resume continues from it bit for bit. The same --seed and \
            options give the same weights. On success, a JSON summary goes to stdout.
            """)

    @Option(help: "The model: lstm (the transformer comes with its own issue).")
    var model: ModelKind = .lstm

    @Option(name: [.short, .customLong("output")], help: "Where to write the trained model.")
    var output: String = "lstm.safetensors"

    @Option(help: "Checkpoint file (default: OUTPUT.checkpoint).")
    var checkpoint: String?

    @Flag(help: "Continue from the checkpoint.")
    var resume = false

    @Option(help: "Seed for initialisation, dropout and batches.") var seed: UInt64 = 1
    @Option(help: "Optimiser steps.") var steps: Int = 4000
    @Option(help: "Embedding width.") var embedding: Int = 128
    @Option(help: "LSTM hidden size.") var hidden: Int = 320
    @Option(help: "LSTM layers.") var layers: Int = 2
    @Option(help: "Dropout between LSTM layers.") var dropout: Float = 0.2
    @Option(help: "Windows per batch.") var batchSize: Int = 32
    @Option(help: "Tokens per window.") var sequenceLength: Int = 256
    @Option(help: "Peak learning rate.") var learningRate: Float = 3e-3
    @Option(help: "Warm-up steps.") var warmup: Int = 100
    @Option(help: "Validate every N steps.") var evaluateEvery: Int = 500
    @Option(help: "Checkpoint every N steps.") var checkpointEvery: Int = 200
    @Option(help: "OpenBLAS threads.") var threads: Int = 2

    @Option(name: .customLong("corpus"), help: "The corpus folder (default: Corpus/ of this repository).")
    var corpusFolder: String?

    func validate() throws {
        guard model == .lstm else { throw ValidationError("--model \(model.rawValue) cannot be trained yet; use --model lstm") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        var c = LSTMTrainingConfiguration()
        c.embeddingSize = embedding; c.hiddenSize = hidden; c.layerCount = layers; c.dropout = dropout
        c.batchSize = batchSize; c.sequenceLength = sequenceLength; c.steps = steps
        c.maxLearningRate = learningRate; c.minLearningRate = learningRate / 30; c.warmupSteps = warmup
        c.seed = seed; c.evaluateEvery = evaluateEvery; c.checkpointEvery = checkpointEvery
        do { try c.validate() } catch { throw CLIError.usage(error.description) }
        BLASThreads.set(threads)

        let corpus = try loadCorpus(corpusFolder)
        let validation = corpus.validationTunes
        let checkpointPath = checkpoint ?? output + ".checkpoint"
        var run: LSTMTrainingRun
        do {
            run = try LSTMTrainingRun(configuration: c, training: corpus.trainingTunes.map(\.tokens),
                                      validation: validation.map(\.tokens),
                                      validationEvents: validation.map { $0.melody.events.count }, corpusHash: corpus.hash)
            if resume {
                guard FileManager.default.fileExists(atPath: checkpointPath) else {
                    throw CLIError.failure("no checkpoint at '\(checkpointPath)' to resume from; start without --resume")
                }
                try run.resume(from: checkpointPath)
                Console.progress("train: resumed at step \(run.step) from \(checkpointPath)\n")
            }
        } catch let e as ModelError { throw CLIError.failure(e.description) }

        let started = Date()
        let terminal = Console.stderrIsTerminal
        var lastValidation: Double?
        do {
            try run.run(checkpoint: checkpointPath) { p in
                if let v = p.validationLoss {
                    lastValidation = v
                    Console.progress((terminal ? "\r" : "") + "step \(p.step)/\(p.steps) loss \(fmt(p.loss)) validation \(fmt(v)) nats/token  \(Int(p.tokensPerSecond)) tok/s\n")
                } else if terminal {
                    Console.progress("\rstep \(p.step)/\(p.steps)  loss \(fmt(p.loss))  lr \(String(format: "%.1e", p.learningRate))  \(Int(p.tokensPerSecond)) tok/s  ETA \(duration(p.secondsLeft))   ")
                }
            }
            var trained = run.model
            let result = try EvaluationResult.evaluate(trained, sequences: validation.map(\.tokens),
                                                       eventCounts: validation.map { $0.melody.events.count })
            let wall = Date().timeIntervalSince(started)
            trained.metadata["tunesmith_validation"] = String(format: "%.6f nats/token, %.6f bits/note", result.natsPerToken, result.bitsPerNote)
            try trained.save(to: output)
            let summary = TrainSummary(model: output, steps: run.step, validationNatsPerToken: result.natsPerToken,
                                       validationBitsPerNote: result.bitsPerNote, wallSeconds: wall,
                                       parameters: trained.network.parameters.scalarCount,
                                       corpusHash: corpus.hash, configuration: c, lastValidation: lastValidation)
            Console.out(try encodeJSON(summary) + "\n")
        } catch let e as ModelError {
            throw CLIError.failure(e.description)
        }
    }
}

/// What `compose train` prints when it finishes.
struct TrainSummary: Encodable {
    var model: String
    var steps: Int
    var validationNatsPerToken: Double
    var validationBitsPerNote: Double
    var wallSeconds: Double
    var parameters: Int
    var corpusHash: String
    var configuration: LSTMTrainingConfiguration
    var lastValidation: Double?
}

private func fmt(_ x: some BinaryFloatingPoint) -> String { String(format: "%.4f", Double(x)) }

private func duration(_ seconds: Double) -> String {
    let s = Int(seconds.rounded())
    return s >= 3600 ? "\(s / 3600)h\((s % 3600) / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
}
