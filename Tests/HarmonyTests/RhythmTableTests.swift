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
}
