import Foundation
import NeuralCore
import Tokens

#if canImport(Glibc)
import Glibc
#endif

/// An LSTM language model over the melody vocabulary, with the metadata Tunesmith stores beside the weights.
///
/// The file is the safetensors layout of the PyTorch module (see `LSTMLanguageModel`), plus metadata:
/// `tunesmith_vocabulary` (the token texts as a JSON array), `tunesmith_corpus` (the corpus hash) and
/// `tunesmith_training` (a JSON summary of how it was trained).
public struct LSTMMelodyModel: Sendable {
    /// The network.
    public var network: LSTMLanguageModel
    /// The vocabulary it reads and writes.
    public var vocabulary: Vocabulary
    /// All metadata read from or to be written to the file.
    public var metadata: [String: String]

    /// Wraps a network.
    public init(network: LSTMLanguageModel, vocabulary: Vocabulary = .standard, metadata: [String: String] = [:]) {
        self.network = network
        self.vocabulary = vocabulary
        self.metadata = metadata
    }

    /// Loads a model file, checking its vocabulary.
    public static func load(from path: String) throws(ModelError) -> LSTMMelodyModel {
        let loaded: (model: LSTMLanguageModel, metadata: [String: String])
        do { loaded = try LSTMLanguageModel.load(from: path) } catch { throw .neural(error) }
        let vocabulary = try MelodyModelMetadata.vocabulary(in: loaded.metadata, path: path,
                                                            outputSize: loaded.model.configuration.vocabularySize)
        return LSTMMelodyModel(network: loaded.model, vocabulary: vocabulary, metadata: loaded.metadata)
    }

    /// Writes the model file (atomically: the safetensors writer writes a temporary file, then renames it).
    public func save(to path: String) throws(ModelError) {
        let meta = MelodyModelMetadata.forFile(metadata, vocabulary: vocabulary)
        do { try network.save(to: path, metadata: meta) } catch { throw .neural(error) }
    }
}

extension LSTMMelodyModel: SequenceScorer {
    /// Log-probabilities of each token given the ones before it (one forward pass from a zero state).
    public func logProbabilities(of sequence: [Int], from: Int) throws -> [Double] {
        let logits = try network.logits(tokens: sequence, batchSize: 1)   // (1, T, V)
        let v = network.configuration.vocabularySize
        var result: [Double] = []
        for t in max(from, 1)..<sequence.count {
            let row = (t - 1) * v                 // the prediction made after reading token t-1
            var maxLogit = -Double.infinity
            for j in 0..<v { maxLogit = max(maxLogit, Double(logits.data[row + j])) }
            var sum = 0.0
            for j in 0..<v { sum += exp(Double(logits.data[row + j]) - maxLogit) }
            result.append(Double(logits.data[row + sequence[t]]) - maxLogit - log(sum))
        }
        return result
    }
}

/// The Tunesmith metadata every melody model file carries beside its weights, read and written the same way
/// for the LSTM and the transformer.
enum MelodyModelMetadata {
    /// The vocabulary stored in `tunesmith_vocabulary`, checked against the network's output size.
    static func vocabulary(in metadata: [String: String], path: String, outputSize: Int) throws(ModelError) -> Vocabulary {
        guard let text = metadata["tunesmith_vocabulary"] else {
            throw .notAMelodyModel(path: path, reason: "no tunesmith_vocabulary metadata")
        }
        guard let vocabulary = Vocabulary(texts: JSONStrings.decode(text) ?? []) else {
            throw .notAMelodyModel(path: path, reason: "tunesmith_vocabulary is not a list of tokens")
        }
        guard vocabulary.count == outputSize else {
            throw .notAMelodyModel(path: path, reason: "\(vocabulary.count) tokens but a \(outputSize)-way output")
        }
        return vocabulary
    }

    /// The metadata to write: the `tunesmith_` entries plus the vocabulary.
    static func forFile(_ metadata: [String: String], vocabulary: Vocabulary) -> [String: String] {
        var meta = metadata.filter { $0.key.hasPrefix("tunesmith_") }
        meta["tunesmith_vocabulary"] = JSONStrings.encode(vocabulary.texts)
        return meta
    }
}

/// A JSON array of strings (the vocabulary as stored in model metadata).
enum JSONStrings {
    static func encode(_ strings: [String]) -> String {
        String(decoding: (try? JSONEncoder().encode(strings)) ?? Data("[]".utf8), as: UTF8.self)
    }

    static func decode(_ text: String) -> [String]? {
        try? JSONDecoder().decode([String].self, from: Data(text.utf8))
    }
}
