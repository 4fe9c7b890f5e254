import Foundation
import NeuralCore
import Tokens

/// A transformer language model over the melody vocabulary, with the metadata Tunesmith stores beside the weights.
///
/// The file is the safetensors layout of torch_ref.py's `TransformerMelody` (see `TransformerLanguageModel`), plus
/// metadata: `tunesmith_vocabulary` (the token texts as a JSON array), `tunesmith_corpus` (the corpus hash) and
/// `tunesmith_training` (a JSON summary of how it was trained).
public struct TransformerMelodyModel: Sendable {
    /// The network.
    public var network: TransformerLanguageModel
    /// The vocabulary it reads and writes.
    public var vocabulary: Vocabulary
    /// All metadata read from or to be written to the file.
    public var metadata: [String: String]

    /// Wraps a network.
    public init(network: TransformerLanguageModel, vocabulary: Vocabulary = .standard, metadata: [String: String] = [:]) {
        self.network = network
        self.vocabulary = vocabulary
        self.metadata = metadata
    }

    /// Loads a model file, checking its vocabulary.
    public static func load(from path: String) throws(ModelError) -> TransformerMelodyModel {
        let loaded: (model: TransformerLanguageModel, metadata: [String: String])
        do { loaded = try TransformerLanguageModel.load(from: path) } catch { throw .neural(error) }
        let vocabulary = try MelodyModelMetadata.vocabulary(in: loaded.metadata, path: path,
                                                            outputSize: loaded.model.configuration.vocabularySize)
        return TransformerMelodyModel(network: loaded.model, vocabulary: vocabulary, metadata: loaded.metadata)
    }

    /// Writes the model file (atomically: the safetensors writer writes a temporary file, then renames it).
    public func save(to path: String) throws(ModelError) {
        let meta = MelodyModelMetadata.forFile(metadata, vocabulary: vocabulary)
        do { try network.save(to: path, metadata: meta) } catch { throw .neural(error) }
    }
}

extension TransformerMelodyModel: SequenceScorer {
    /// Log-probabilities of each token given the ones before it.
    ///
    /// A tune that fits the context is one forward pass; a longer one is stepped through the KV-cached
    /// generator, so each token is scored with exactly the context sampling would give it (the cache
    /// re-filled from the last half window when full).
    public func logProbabilities(of sequence: [Int], from: Int) throws -> [Double] {
        let v = network.configuration.vocabularySize
        func logSoftmax(_ row: UnsafeBufferPointer<Float>, _ target: Int) -> Double {
            var maxLogit = -Double.infinity
            for j in 0..<v { maxLogit = max(maxLogit, Double(row[j])) }
            var sum = 0.0
            for j in 0..<v { sum += exp(Double(row[j]) - maxLogit) }
            return Double(row[target]) - maxLogit - log(sum)
        }
        var result: [Double] = []
        guard sequence.count >= 2 else { return result }
        if sequence.count - 1 <= network.configuration.context {
            let logits = try network.logits(tokens: Array(sequence.dropLast()), batchSize: 1)   // (1, T−1, V)
            logits.data.withUnsafeBufferPointer { p in
                for t in max(from, 1)..<sequence.count {
                    result.append(logSoftmax(UnsafeBufferPointer(rebasing: p[(t - 1) * v..<t * v]), sequence[t]))
                }
            }
        } else {
            var generator = TransformerGenerator(model: network)
            for t in 1..<sequence.count {
                try generator.step(token: sequence[t - 1])
                if t >= from { result.append(generator.logits.withUnsafeBufferPointer { logSoftmax($0, sequence[t]) }) }
            }
        }
        return result
    }
}

extension TransformerMelodyModel: MelodyModel {
    /// A fresh KV-cached stepper.
    public func makeStepper() -> any MelodyStepper {
        TransformerStepper(generator: TransformerGenerator(model: network, threads: SteppingThreads.automatic))
    }
}

/// Batch-1 transformer stepping with a key/value cache.
struct TransformerStepper: MelodyStepper {
    var generator: TransformerGenerator
    mutating func logits(after token: Int) throws -> [Float] {
        try generator.step(token: token)
        return generator.logits
    }
}

extension TransformerMelodyModel {
    /// The name of the shipped transformer inside the Models module's resources.
    public static let shippedResourceName = "transformer"

    /// The transformer that ships with Tunesmith (a package resource), or an error saying how to get one.
    public static func shipped() throws(ModelError) -> TransformerMelodyModel {
        guard let url = Bundle.module.url(forResource: shippedResourceName, withExtension: "safetensors") else {
            throw .notAMelodyModel(path: "Resources/\(shippedResourceName).safetensors", reason: "this build ships no trained transformer")
        }
        return try load(from: url.path)
    }
}
