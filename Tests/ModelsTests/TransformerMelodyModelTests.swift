import Foundation
import NeuralCore
import Notation
import Testing
import Tokens
@testable import Models

/// The shipped transformer (Resources/transformer.safetensors, trained as Resources/MODEL_CARD.md says).
@Suite struct TransformerMelodyModelTests {
    /// `<bos> S:reel M:4/4 K:major`, the header a generated reel starts from.
    static let reelHeader: [Int] = [Token.begin, .style("reel"), .meter("4/4"), .mode(Mode.major)]
        .map { Vocabulary.standard.id(of: $0)! }

    /// A tune the model writes itself: the header, then up to `length` tokens sampled at temperature 1.
    static func sampledTune(_ model: TransformerMelodyModel, length: Int, seed: UInt64) throws -> [Int] {
        var rng = Xoshiro256StarStar(seed: seed)
        var stepper = model.makeStepper()
        var tokens = reelHeader
        var logits: [Float] = []
        for t in tokens { logits = try stepper.logits(after: t) }
        while tokens.count < reelHeader.count + length {
            let m = logits.max()!
            let weights = logits.map { Double(exp($0 - m)) }
            var u = Double(rng.next() >> 11) / Double(1 << 53) * weights.reduce(0, +)
            var next = weights.count - 1
            for (i, w) in weights.enumerated() { u -= w; if u <= 0 { next = i; break } }
            tokens.append(next)
            logits = try stepper.logits(after: next)
        }
        return tokens
    }

    @Test func theShippedFileLoadsWithTheStandardVocabularyA512TokenContextAndAtMost8MB() throws {
        let model = try TransformerMelodyModel.shipped()
        #expect(model.vocabulary == Vocabulary.standard)
        #expect(model.network.configuration.context >= 512)
        #expect(model.metadata["tunesmith_corpus"] != nil)
        let url = try #require(Bundle.module.url(forResource: TransformerMelodyModel.shippedResourceName, withExtension: "safetensors"))
        let bytes = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        #expect(bytes <= 8_000_000)
    }

    /// A reel-length tune is scored in one forward pass; stepping it through the KV cache gives the same
    /// log-probabilities, and a trained model finds its own samples far likelier than uniform (ln 107 ≈ 4.67 nats).
    @Test func oneForwardPassAndKVCachedSteppingScoreATuneAlikeAndTheWeightsAreTrained() throws {
        let model = try TransformerMelodyModel.shipped()
        let tune = try Self.sampledTune(model, length: 400, seed: 4)
        let scores = try model.logProbabilities(of: tune, from: Self.reelHeader.count)
        #expect(scores.count == 400)
        var stepper = model.makeStepper()
        var worst = 0.0
        for t in 1..<tune.count {
            let logits = try stepper.logits(after: tune[t - 1])
            guard t >= Self.reelHeader.count else { continue }
            let m = logits.map(Double.init).max()!
            let logSumExp = m + log(logits.map { exp(Double($0) - m) }.reduce(0, +))
            worst = max(worst, abs(Double(logits[tune[t]]) - logSumExp - scores[t - Self.reelHeader.count]))
        }
        #expect(worst < 1e-3)
        let meanNats = -scores.reduce(0, +) / Double(scores.count)
        #expect(meanNats < 2.0, "mean \(meanNats) nats/token on its own samples")
    }
}
