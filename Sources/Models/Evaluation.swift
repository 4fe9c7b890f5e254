import Tokens

/// Anything that gives, for each position of a token sequence, the probability distribution of that token
/// given the tokens before it.
public protocol SequenceScorer {
    /// Natural-log probabilities of `sequence[t]` given `sequence[..<t]`, for t in `from..<sequence.count`.
    func logProbabilities(of sequence: [Int], from: Int) throws -> [Double]
}

extension KneserNeyModel: SequenceScorer {
    public func logProbabilities(of sequence: [Int], from: Int) throws -> [Double] {
        (from..<sequence.count).map { t in
            let p = distribution(history: Array(sequence[max(0, t - order + 1)..<t]))[sequence[t]]
            return log(p)
        }
    }
}

/// Bits per note and nats per token of a model on tunes, as `compose eval` reports them.
///
/// Only body tokens are scored: the four header tokens (`<bos>`, style, meter, mode) are the conditioning a
/// user gives, so every model is measured on predicting the music from its header. Bits/note is the total
/// negative log-likelihood in bits divided by the number of note and rest events.
public struct EvaluationResult: Sendable, Hashable, Codable {
    /// Tunes scored.
    public var tunes: Int
    /// Body tokens scored.
    public var tokens: Int
    /// Note and rest events in those tunes.
    public var events: Int
    /// Mean negative log-likelihood per token, in nats.
    public var natsPerToken: Double
    /// Total negative log-likelihood in bits divided by events.
    public var bitsPerNote: Double

    /// Scores token sequences of tunes (each `<bos>` … `<eos>`) with `eventCounts[i]` notes and rests each.
    public static func evaluate(_ scorer: some SequenceScorer, sequences: [[Int]], eventCounts: [Int]) throws -> EvaluationResult {
        var nll = 0.0, tokens = 0
        for seq in sequences {
            let lp = try scorer.logProbabilities(of: seq, from: MelodyTokenizer.headerLength)
            nll -= lp.reduce(0, +)
            tokens += lp.count
        }
        let events = eventCounts.reduce(0, +)
        return EvaluationResult(tunes: sequences.count, tokens: tokens, events: events,
                                natsPerToken: tokens > 0 ? nll / Double(tokens) : 0,
                                bitsPerNote: events > 0 ? nll / log(2.0) / Double(events) : 0)
    }
}

#if canImport(Glibc)
import Glibc
#endif
