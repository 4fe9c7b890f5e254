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
    public func makeStepper() -> any MelodyStepper {
        LSTMStepper(generator: LSTMGenerator(model: network, threads: SteppingThreads.automatic))
    }
}

/// How many threads step one sequence (NeuralCore's generators split each product's rows between the
/// caller and one worker that spins briefly at each meeting): two when the machine has at least two cores
/// and its 1-minute load average leaves a core idle, else one. The logits, and so the sampled tokens, are
/// bit-identical either way (tested in NeuralCore), so this changes only speed: on an idle two-core machine
/// batch-1 sampling of the shipped LSTM runs at 43.9k instead of 23.6k tokens/s (BENCHMARKS.md), while on a
/// loaded one a spinning second thread would only wait.
enum SteppingThreads {
    static var automatic: Int {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard cores >= 2 else { return 1 }
        var load = [Double](repeating: 0, count: 1)
        guard getloadavg(&load, 1) == 1 else { return 1 }
        return load[0] <= Double(cores) - 1 ? 2 : 1
    }
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
