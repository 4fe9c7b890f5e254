import Notation
import Testing
@testable import Harmony

@Suite struct StyleRhythmTests {
    @Test func stylesExposeTheirTemplatesAndCells() {
        #expect(Style.waltz.accompanimentTemplates(in: .threeFour).map(\.id) == ["waltz.oom-pah-pah", "waltz.held-bass"])
        #expect(Style.air.percussionTemplates(in: .threeFour).map(\.id) == ["waltz.kit"]) // airs borrow the folk row
        #expect(Style.reel.melodicCells(in: .cutTime).first?.durations.count == 4)
        #expect(Style.march.melodicCells(in: .sixEight).allSatisfy { $0.span == Rational(3, 2) })
    }
}
