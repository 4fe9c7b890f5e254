import Harmony
import Testing
@testable import Engine

@Suite struct FormPlanTests {
    @Test(arguments: [
        (Style.reel, 32, "AABB", 8), (Style.reel, 16, "AB", 8), (Style.reel, 64, "AABBAABB", 8),
        (Style.jig, 24, "AABB", 6), (Style.folk, 16, "AB", 8), (Style.air, 32, "AABA", 8), (Style.air, 16, "AB", 8),
        (Style.reel, 7, "A", 7), (Style.reel, 4, "A", 4),
    ])
    func defaultsFollowTheStyle(style: Style, bars: Int, pattern: String, part: Int) {
        let plan = FormPlan.standard(for: style, bars: bars)
        #expect(plan.pattern == pattern)
        #expect(plan.barsPerSection == part)
        #expect(plan.sections.reduce(0) { $0 + $1.bars } == bars)
    }

    @Test func explicitFormsSplitTheBarsEvenly() throws {
        let plan = try FormPlan(parsing: "abac", bars: 16)
        #expect(plan.pattern == "ABAC" && plan.sections.map(\.firstBar) == [0, 4, 8, 12])
        #expect(throws: EngineError.self) { try FormPlan(parsing: "AABB", bars: 10) }
        #expect(throws: EngineError.self) { try FormPlan(parsing: "A-B", bars: 16) }
    }
}
