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

    @Option(help: "The model: lstm or transformer.")
    var model: ModelKind = .lstm

    @Option(name: [.short, .customLong("output")], help: "Where to write the trained model (default: MODEL.safetensors).")
    var output: String?

    @Option(help: "Checkpoint file (default: OUTPUT.checkpoint).")
    var checkpoint: String?

    @Flag(help: "Continue from the checkpoint.")
    var resume = false

    @Option(help: "Seed for initialisation, dropout and batches.") var seed: UInt64 = 1
    @Option(help: "Optimiser steps (default: lstm 4000, transformer 3000).") var steps: Int?
    @Option(help: "LSTM: embedding width (default 128).") var embedding: Int?
    @Option(help: "LSTM: hidden size (default 320).") var hidden: Int?
    @Option(help: "Layers (default: lstm 2, transformer 4).") var layers: Int?
    @Option(help: "LSTM: dropout between layers (default 0.2).") var dropout: Float?
    @Option(help: "Transformer: width of the residual stream (default 128).") var width: Int?
    @Option(help: "Transformer: attention heads (default 4).") var heads: Int?
    @Option(help: "Transformer: MLP width (default 512).") var feedForward: Int?
    @Option(help: "Transformer: positions, the longest context (default 512).") var context: Int?
    @Option(help: "Windows per batch (default: lstm 32, transformer 16).") var batchSize: Int?
    @Option(help: "Tokens per window (default: lstm 256, transformer 512).") var sequenceLength: Int?
    @Option(help: "Peak learning rate (default: lstm 3e-3, transformer 2e-3).") var learningRate: Float?
    @Option(help: "Warm-up steps (default 100).") var warmup: Int?
    @Option(help: "Validate every N steps (default: lstm 500, transformer 250).") var evaluateEvery: Int?
    @Option(help: "Checkpoint every N steps (default: lstm 200, transformer 50).") var checkpointEvery: Int?
    @Option(help: "Threads: the batch is split into this many equal row groups, one per thread (the same seed and --threads give the same weights).")
    var threads: Int = 2

    @Option(name: .customLong("corpus"), help: "The corpus folder (default: Corpus/ of this repository).")
    var corpusFolder: String?

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        switch model {
        case .lstm:
            for (name, given) in [("--width", width != nil), ("--heads", heads != nil), ("--feed-forward", feedForward != nil),
                                  ("--context", context != nil)] where given {
                throw ValidationError("\(name) is a transformer option; use it with --model transformer")
            }
        case .transformer:
            for (name, given) in [("--embedding", embedding != nil), ("--hidden", hidden != nil), ("--dropout", dropout != nil)] where given {
                throw ValidationError("\(name) is an LSTM option; use it with --model lstm")
            }
        case .ngram:
            throw ValidationError("--model ngram needs no training (compose eval --model ngram counts the corpus); use lstm or transformer")
        }
    }

    func run() throws {
        BLASThreads.set(threads)
        TrainingMemory.keepFreedBlocksMapped()   // each step's activations reuse the last step's pages
        switch model {
        case .transformer: try trainTransformer()
        default: try trainLSTM()
        }
    }

    private func trainLSTM() throws {
        var c = LSTMTrainingConfiguration()
        c.embeddingSize = embedding ?? 128; c.hiddenSize = hidden ?? 320; c.layerCount = layers ?? 2; c.dropout = dropout ?? 0.2
        c.batchSize = batchSize ?? 32; c.sequenceLength = sequenceLength ?? 256; c.steps = steps ?? 4000
        let lr = learningRate ?? 3e-3
        c.maxLearningRate = lr; c.minLearningRate = lr / 30; c.warmupSteps = warmup ?? 100
        c.seed = seed; c.evaluateEvery = evaluateEvery ?? 500; c.checkpointEvery = checkpointEvery ?? 200
        do { try c.validate() } catch { throw CLIError.usage(error.description) }
        let corpus = try loadCorpus(corpusFolder)
        let validation = corpus.validationTunes
        let output = self.output ?? "lstm.safetensors"
        let checkpointPath = checkpoint ?? output + ".checkpoint"
        var run: LSTMTrainingRun
        do {
            run = try LSTMTrainingRun(configuration: c, training: corpus.trainingTunes.map(\.tokens),
                                      validation: validation.map(\.tokens),
                                      validationEvents: validation.map { $0.melody.events.count }, corpusHash: corpus.hash)
            run.shards = threads
            if resume {
                try requireCheckpoint(checkpointPath)
                try run.resume(from: checkpointPath)
                Console.progress("train: resumed at step \(run.step) from \(checkpointPath)\n")
            }
        } catch let e as ModelError { throw CLIError.failure(e.description) }

        let started = Date()
        var lastValidation: Double?
        do {
            try run.run(checkpoint: checkpointPath) { report($0, lastValidation: &lastValidation) }
            var trained = run.model
            let result = try EvaluationResult.evaluate(trained, sequences: validation.map(\.tokens),
                                                       eventCounts: validation.map { $0.melody.events.count })
            trained.metadata["tunesmith_validation"] = String(format: "%.6f nats/token, %.6f bits/note", result.natsPerToken, result.bitsPerNote)
            try trained.save(to: output)
            let summary = TrainSummary(model: output, steps: run.step, validationNatsPerToken: result.natsPerToken,
                                       validationBitsPerNote: result.bitsPerNote, wallSeconds: Date().timeIntervalSince(started),
                                       parameters: trained.network.parameters.scalarCount,
                                       corpusHash: corpus.hash, configuration: c, lastValidation: lastValidation)
            Console.out(try encodeJSON(summary) + "\n")
        } catch let e as ModelError {
            throw CLIError.failure(e.description)
        }
    }

    private func trainTransformer() throws {
        var c = TransformerTrainingConfiguration()
        c.width = width ?? c.width; c.layerCount = layers ?? c.layerCount; c.headCount = heads ?? c.headCount
        c.feedForwardSize = feedForward ?? c.feedForwardSize; c.context = context ?? c.context
        c.batchSize = batchSize ?? c.batchSize; c.sequenceLength = sequenceLength ?? min(c.sequenceLength, c.context)
        c.steps = steps ?? c.steps
        let lr = learningRate ?? c.maxLearningRate
        c.maxLearningRate = lr; c.minLearningRate = lr / 20; c.warmupSteps = warmup ?? c.warmupSteps
        c.seed = seed; c.evaluateEvery = evaluateEvery ?? c.evaluateEvery; c.checkpointEvery = checkpointEvery ?? c.checkpointEvery
        do { try c.validate() } catch { throw CLIError.usage(error.description) }
        let corpus = try loadCorpus(corpusFolder)
        let validation = corpus.validationTunes
        let output = self.output ?? "transformer.safetensors"
        let checkpointPath = checkpoint ?? output + ".checkpoint"
        var run: TransformerTrainingRun
        do {
            run = try TransformerTrainingRun(configuration: c, training: corpus.trainingTunes.map(\.tokens),
                                             validation: validation.map(\.tokens),
                                             validationEvents: validation.map { $0.melody.events.count }, corpusHash: corpus.hash)
            run.shards = threads
            if resume {
                try requireCheckpoint(checkpointPath)
                try run.resume(from: checkpointPath)
                Console.progress("train: resumed at step \(run.step) from \(checkpointPath)\n")
            }
        } catch let e as ModelError { throw CLIError.failure(e.description) }

        let started = Date()
        var lastValidation: Double?
        do {
            try run.run(checkpoint: checkpointPath) { report($0, lastValidation: &lastValidation) }
            var trained = run.model
            let result = try EvaluationResult.evaluate(trained, sequences: validation.map(\.tokens),
                                                       eventCounts: validation.map { $0.melody.events.count })
            trained.metadata["tunesmith_validation"] = String(format: "%.6f nats/token, %.6f bits/note", result.natsPerToken, result.bitsPerNote)
            try trained.save(to: output)
            let summary = TrainSummary(model: output, steps: run.step, validationNatsPerToken: result.natsPerToken,
                                       validationBitsPerNote: result.bitsPerNote, wallSeconds: Date().timeIntervalSince(started),
                                       parameters: trained.network.parameters.scalarCount,
                                       corpusHash: corpus.hash, configuration: c, lastValidation: lastValidation)
            Console.out(try encodeJSON(summary) + "\n")
        } catch let e as ModelError {
            throw CLIError.failure(e.description)
        }
    }

    private func requireCheckpoint(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIError.failure("no checkpoint at '\(path)' to resume from; start without --resume")
        }
    }

    /// Progress on stderr: every step on a terminal, each validation otherwise.
    private func report(_ p: TrainingProgress, lastValidation: inout Double?) {
        let terminal = Console.stderrIsTerminal
        if let v = p.validationLoss {
            lastValidation = v
            Console.progress((terminal ? "\r" : "") + "step \(p.step)/\(p.steps) loss \(fmt(p.loss)) validation \(fmt(v)) nats/token  \(Int(p.tokensPerSecond)) tok/s\n")
        } else if terminal {
            Console.progress("\rstep \(p.step)/\(p.steps)  loss \(fmt(p.loss))  lr \(String(format: "%.1e", p.learningRate))  \(Int(p.tokensPerSecond)) tok/s  ETA \(duration(p.secondsLeft))   ")
        }
    }
}

/// What `compose train` prints when it finishes.
struct TrainSummary<Configuration: Encodable>: Encodable {
    var model: String
    var steps: Int
    var validationNatsPerToken: Double
    var validationBitsPerNote: Double
    var wallSeconds: Double
    var parameters: Int
    var corpusHash: String
    var configuration: Configuration
    var lastValidation: Double?
}

private func fmt(_ x: some BinaryFloatingPoint) -> String { String(format: "%.4f", Double(x)) }

private func duration(_ seconds: Double) -> String {
    let s = Int(seconds.rounded())
    return s >= 3600 ? "\(s / 3600)h\((s % 3600) / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
}
