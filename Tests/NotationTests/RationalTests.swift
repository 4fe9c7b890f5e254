import Foundation
import Testing
@testable import Notation

@Suite struct RationalTests {
    @Test func reducesAndNormalisesSign() {
        let r = Rational(6, -8)
        #expect(r.numerator == -3 && r.denominator == 4)
        #expect(Rational(0, 5) == .zero)
        #expect(Rational(4, 2) == Rational(2))
    }

    @Test func arithmeticIsExact() {
        // Three triplet quavers make exactly one crotchet; no floating-point drift.
        let triplet = Rational(1, 3)
        #expect(triplet + triplet + triplet == .one)
        #expect(Rational(3, 4) * Rational(2, 3) == Rational(1, 2))
        #expect(Rational(1, 2) / Rational(1, 4) == Rational(2))
        #expect(Rational(1, 2) - Rational(3, 4) == Rational(-1, 4))
        #expect(Rational(-7, 2).floor == -4)
        #expect(Rational(7, 2).floor == 3)
    }

    @Test func ticks() {
        #expect(Rational(3, 4).ticks(perQuarter: 480) == 360)
        #expect(Rational(1, 3).ticks(perQuarter: 480) == 160)
        #expect(Rational(1, 7).ticks(perQuarter: 480) == nil)
        #expect(Rational(1, 7).roundedTicks(perQuarter: 480) == 69)
    }

    @Test func parsesAndCodesAsText() throws {
        #expect(Rational("3/8") == Rational(3, 8))
        #expect(Rational("1/0") == nil)
        #expect(Rational("x") == nil)
        let data = try JSONEncoder().encode([Rational(3, 8)])
        #expect(String(decoding: data, as: UTF8.self) == #"["3\/8"]"#)
        #expect(try JSONDecoder().decode([Rational].self, from: data) == [Rational(3, 8)])
    }

    @Test(arguments: 1...200) func orderingAgreesWithDoubles(seed: Int) {
        var g = SplitMix(seed: UInt64(seed))
        let a = Rational(Int(g.next() % 200) - 100, Int(g.next() % 50) + 1)
        let b = Rational(Int(g.next() % 200) - 100, Int(g.next() % 50) + 1)
        if a.doubleValue != b.doubleValue { #expect((a < b) == (a.doubleValue < b.doubleValue), "seed \(seed)") }
        #expect((a + b) - b == a, "seed \(seed)")
    }
}

/// A tiny deterministic generator for randomized tests (failures name their seed).
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
