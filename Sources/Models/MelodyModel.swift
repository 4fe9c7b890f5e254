import Foundation
import NeuralCore
import Tokens

/// A melody model that generates token by token: the sampler's view of the LSTM and the transformer.
public protocol MelodyModel: Sendable {
    /// The vocabulary the model reads and writes.
    var vocabulary: Vocabulary { get }
    /// A fresh stepping state (empty history).
    func makeStepper() -> any MelodyStepper
}

/// The running state of one generation: feed a token, get the logits of the next.
public protocol MelodyStepper {
    /// Reads `token` and returns the logits (one per vocabulary id) of the token after it.
    mutating func logits(after token: Int) throws -> [Float]
}

extension LSTMMelodyModel: MelodyModel {
    public func makeStepper() -> any MelodyStepper { LSTMStepper(generator: LSTMGenerator(model: network)) }
}

/// Batch-1 LSTM stepping, carrying (h, c).
struct LSTMStepper: MelodyStepper {
    var generator: LSTMGenerator
    mutating func logits(after token: Int) throws -> [Float] {
        try generator.step(token: token)
        return generator.logits
    }
}

extension LSTMMelodyModel {
    /// The name of the shipped LSTM inside the Models module's resources.
    public static let shippedResourceName = "lstm"

    /// The LSTM that ships with Tunesmith (a package resource), or an error saying how to get one.
    public static func shipped() throws(ModelError) -> LSTMMelodyModel {
        guard let url = Bundle.module.url(forResource: shippedResourceName, withExtension: "safetensors") else {
            throw .notAMelodyModel(path: "Resources/\(shippedResourceName).safetensors", reason: "this build ships no trained LSTM")
        }
        return try load(from: url.path)
    }
}
