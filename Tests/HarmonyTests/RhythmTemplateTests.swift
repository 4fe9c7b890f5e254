import Notation
import Testing
@testable import Harmony

@Suite struct RhythmTemplateTests {
    @Test func badGridsAreReportedWithTheSlot() {
        let grid = RhythmGrid("R - . Q", unit: Rational(1, 2))
        #expect(throws: HarmonyError.invalidTemplate(id: "x", reason: "slot 4 has 'Q'; allowed: AFORT - .")) {
            try grid.hits(allowed: AccompanimentTemplate.bassSymbols, id: "x")
        }
        #expect(throws: HarmonyError.self) { try RhythmGrid(". - R", unit: 1).hits(allowed: ["R"], id: "y") }
        #expect(throws: HarmonyError.self) { try RhythmGrid("RR", unit: 1).hits(allowed: ["R"], id: "z") }
    }

    @Test func holdsLengthenAndCaseMarksAccent() throws {
        let hits = try RhythmGrid("R - - f . a", unit: Rational(1, 2)).hits(allowed: AccompanimentTemplate.bassSymbols, id: "t")
        #expect(hits.map(\.offset) == [0, Rational(3, 2), Rational(5, 2)])
        #expect(hits.map(\.duration) == [Rational(3, 2), Rational(1, 2), Rational(1, 2)])
        #expect(hits.map(\.accented) == [true, false, false])
        #expect(hits.map(\.symbol) == ["R", "F", "A"])
    }
}
