import Notation
import Testing
@testable import Harmony

@Suite struct RhythmTableTests {
    @Test func everyAccompanimentRowParsesAndFillsOneBarOfEachMeter() throws {
        for row in RhythmTable.accompaniment {
            for meter in row.meters {
                #expect(row.bass.length == meter.barLength, "\(row.id) bass in \(meter)")
                #expect(row.chords.length == meter.barLength, "\(row.id) chords in \(meter)")
            }
            let bass = try row.bassHits(), chords = try row.chordHits()
            #expect(!bass.isEmpty && !chords.isEmpty, "\(row.id)")
            #expect(bass.first?.offset == .zero, "\(row.id): the bass starts the bar")
            #expect(row.weight > 0)
        }
    }

    @Test func everyPercussionRowParsesAndFillsOneBar() throws {
        for row in RhythmTable.percussion {
            for lane in row.lanes { for meter in row.meters { #expect(lane.length == meter.barLength, "\(row.id)") } }
            let hits = try row.hits()
            #expect(!hits.isEmpty)
            #expect(hits.allSatisfy { Instrument.drumKit.range.contains($0.key) })
        }
    }

    @Test func everyMelodicCellIsPositiveAndFitsABarOrABeat() {
        for cell in RhythmTable.melodicCells {
            #expect(cell.durations.allSatisfy { $0 > .zero }, "\(cell.id)")
            for meter in cell.meters {
                // A cell covers a whole number of the meter's beats, within one bar.
                let fits = cell.span <= meter.barLength && (cell.span / meter.beats[0]).isInteger
                    || meter.beats.contains(cell.span) || (meter.barLength / cell.span).isInteger
                #expect(fits, "\(cell.id) span \(cell.span) in \(meter)")
            }
        }
    }

    @Test func idsAreUnique() {
        for ids in [RhythmTable.accompaniment.map(\.id), RhythmTable.percussion.map(\.id), RhythmTable.melodicCells.map(\.id)] {
            #expect(Set(ids).count == ids.count, "\(ids)")
        }
    }

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

    @Test func idiomaticPatternsAreWhereTheyBelong() throws {
        // Waltz: oom-pah-pah, bass on 1, chords on 2 and 3.
        let waltz = try #require(RhythmTable.accompaniment(for: .waltz, meter: .threeFour).first { $0.id == "waltz.oom-pah-pah" })
        #expect(try waltz.bassHits().map(\.offset) == [0])
        #expect(try waltz.chordHits().map(\.offset) == [1, 2])
        // Jig: bass on each dotted beat, chord on the third quaver of each.
        let jig = try #require(RhythmTable.accompaniment(for: .jig, meter: .sixEight).first { $0.id == "jig.vamp" })
        #expect(try jig.bassHits().map(\.offset) == [0, Rational(3, 2)])
        #expect(try jig.chordHits().map(\.offset) == [1, Rational(5, 2)])
        // Reel boom-chick in C|.
        let reel = RhythmTable.accompaniment(for: .reel, meter: .cutTime)
        #expect(reel.contains { $0.id == "reel.boom-chick" })
        // Jig cells: three quavers per dotted beat is the heaviest.
        let cells = RhythmTable.melodicCells(for: .jig, meter: .sixEight)
        #expect(cells.max { $0.weight < $1.weight }?.durations == [Rational(1, 2), Rational(1, 2), Rational(1, 2)])
        #expect(RhythmTable.melodicCells(for: .hornpipe, meter: .commonTime).contains { $0.durations == [Rational(3, 4), Rational(1, 4)] })
        #expect(RhythmTable.melodicCells(for: .strathspey, meter: .commonTime).contains { $0.durations == [Rational(1, 4), Rational(3, 4)] })
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
