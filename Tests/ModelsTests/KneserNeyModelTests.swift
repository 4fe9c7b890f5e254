import Testing
@testable import Models

@Suite struct KneserNeyModelTests {
    /// Random sequences from a small Markov chain, so that higher orders have something to learn.
    func sequences(count: Int, seed: UInt64) -> [[Int]] {
        var g = SplitMix(seed: seed)
        return (0..<count).map { _ in
            var s = [1]
            for _ in 0..<60 {
                let last = s.last!
                let r = Int(g.next() % 10)
                s.append(r < 7 ? (last * 3 + 1) % 20 : Int(g.next() % 20))
            }
            return s
        }
    }

    @Test(arguments: [1, 2, 3, 5, 8]) func distributionsSumToOne(order: Int) {
        let model = KneserNeyModel(order: order, vocabularySize: 24, sequences: sequences(count: 50, seed: 1))
        for history in [[], [1], [1, 4, 13], [23, 23, 23, 23, 23, 23, 23], [4, 13, 0, 1, 4, 13, 0]] {
            let p = model.distribution(history: history)
            #expect(abs(p.reduce(0, +) - 1) < 1e-9, "order \(order) history \(history)")
            #expect(p.allSatisfy { $0 > 0 }, "every token keeps some probability")
        }
    }

    @Test func higherOrdersFitAMarkovChainBetter() throws {
        let train = sequences(count: 200, seed: 2), test = sequences(count: 40, seed: 3)
        let counts = test.map { $0.count }
        let uni = try EvaluationResult.evaluate(KneserNeyModel(order: 1, vocabularySize: 24, sequences: train), sequences: test, eventCounts: counts)
        let bi = try EvaluationResult.evaluate(KneserNeyModel(order: 2, vocabularySize: 24, sequences: train), sequences: test, eventCounts: counts)
        #expect(bi.natsPerToken < uni.natsPerToken - 0.5)
        // The chain's true entropy: 0.7 + 0.3/20 on the likely token, 0.3/20 on each other.
        let pLikely = 0.7 + 0.3 / 20, pOther = 0.3 / 20
        let entropy = -(pLikely * log(pLikely) + 19 * pOther * log(pOther))
        #expect(abs(bi.natsPerToken - entropy) < 0.1, "bigram KN approaches the chain's entropy \(entropy)")
    }

    @Test func discountsFollowChenAndGoodman() {
        // n1 = 4, n2 = 2, n3 = 1, n4 = 1: Y = 4/8 = 0.5; D1 = 1 - 2·0.5·2/4 = 0.5; D2 = 2 - 3·0.5·1/2 = 1.25; D3 = 3 - 4·0.5·1/1 = 1.
        var ctx = KneserNeyModel.Context()
        for (token, count) in [(0, 1), (1, 1), (2, 1), (3, 1), (4, 2), (5, 2), (6, 3), (7, 4)] { for _ in 0..<count { ctx.add(token) } }
        let d = KneserNeyModel.estimateDiscounts([0: ctx])
        #expect(abs(d.0 - 0.5) < 1e-12 && abs(d.1 - 1.25) < 1e-12 && abs(d.2 - 1.0) < 1e-12)
    }
}

struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

#if canImport(Glibc)
import Glibc
#endif
