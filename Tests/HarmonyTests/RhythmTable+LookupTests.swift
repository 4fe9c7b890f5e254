import Notation
import Testing
@testable import Harmony

@Suite struct RhythmTableLookupTests {
    @Test func everyStyleHasRowsForEveryMeterItAllows() {
        for style in Style.catalog {
            for option in style.meters {
                let rows = RhythmTable.accompaniment(for: style.kind, meter: option.meter)
                #expect(!rows.isEmpty)
                #expect(!rows.contains { $0.id.hasPrefix("generated") }, "\(style.name) in \(option.meter) uses a generated row")
                #expect(!RhythmTable.melodicCells(for: style.kind, meter: option.meter).isEmpty,
                        "\(style.name) in \(option.meter) has no melodic cells")
            }
        }
    }

    @Test func unknownMetersGetAGeneratedRowThatFillsTheBar() throws {
        for text in ["5/8", "7/8", "3/2", "5/4"] {
            let meter = try Meter(parsing: text)
            let rows = RhythmTable.accompaniment(for: .jig, meter: meter)
            #expect(rows.count == 1)
            #expect(rows[0].bass.length == meter.barLength && rows[0].chords.length == meter.barLength)
            #expect(try rows[0].bassHits().map(\.offset) == [0])
            #expect(try rows[0].chordHits().count == meter.beats.count - 1)
            let drums = RhythmTable.percussion(for: .air, meter: meter)
            #expect(try drums[0].hits().count == meter.beats.count)
        }
    }

    @Test func weightedChoiceFollowsTheWeightsAndIsDeterministic() {
        for seed: UInt64 in [1, 2, 3] {
            var a = SplitMix64(seed: seed), b = SplitMix64(seed: seed)
            let first = (0..<50).map { _ in WeightedChoice.index(weights: [1, 0, 3], using: &a)! }
            let second = (0..<50).map { _ in WeightedChoice.index(weights: [1, 0, 3], using: &b)! }
            #expect(first == second, "seed \(seed)")
            #expect(!first.contains(1), "seed \(seed): a zero weight was drawn")
        }
        var rng = SplitMix64(seed: 42)
        var counts = [0, 0]
        for _ in 0..<4000 { counts[WeightedChoice.index(weights: [1, 3], using: &rng)!] += 1 }
        #expect((900...1100).contains(counts[0]), "seed 42: \(counts)")
        #expect(WeightedChoice.index(weights: [0, -2], using: &rng) == nil)
    }
}
