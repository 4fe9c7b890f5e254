import Notation
import Testing
@testable import Harmony

@Suite struct StyleTests {
    @Test func disallowedMeterThrowsWithTheAllowedOnes() {
        #expect(throws: HarmonyError.meterNotAllowed(style: "jig", meter: "3/4", allowed: ["6/8"])) {
            try Style.jig.check(.threeFour)
        }
        #expect(throws: Never.self) { try Style.reel.check(.fourFour) }
    }

    @Test func tempoIsConvertedToQuarterNotesPerMinute() {
        // Reel in C|: 90...124 minims per minute = 180...248 quarter notes.
        #expect(Style.reel.tempoRange(in: .cutTime) == Rational(180)...Rational(248))
        // Jig: 120 dotted crotchets = 180 quarters.
        #expect(Style.jig.defaultTempo(in: .sixEight) == 180)
        // Every style's default tempo lies inside its range, for every meter it lists.
        for style in Style.catalog {
            for option in style.meters {
                #expect(option.beatsPerMinute.contains(option.defaultBeatsPerMinute), "\(style.name) \(option.meter)")
                #expect(style.tempoRange(in: option.meter).contains(style.defaultTempo(in: option.meter)))
            }
        }
    }

    @Test func reelsAndJigsAreAABBOfEightBarPartsWhenTheBarCountAllows() {
        let sections = Style.reel.sections(forBars: 32)
        #expect(sections.map(\.label) == ["A", "A", "B", "B"])
        #expect(sections.map(\.firstBar) == [0, 8, 16, 24])
        #expect(sections.allSatisfy { $0.bars == 8 })
        #expect(Style.jig.sections(forBars: 64).map(\.label) == ["A", "A", "B", "B", "A", "A", "B", "B"])
        let odd = Style.jig.sections(forBars: 12)
        #expect(odd.count == 1 && odd[0].bars == 12)
        #expect(Style.reel.sections(forBars: 0).isEmpty)
    }

    @Test func chordSegmentsFollowTheHarmonicRhythm() {
        #expect(Style.reel.chordSegments(in: .cutTime).map(\.length) == [2, 2])
        #expect(Style.jig.chordSegments(in: .sixEight).map(\.length) == [Rational(3, 2), Rational(3, 2)])
        #expect(Style.waltz.chordSegments(in: .threeFour).map(\.length) == [3])
        #expect(Style.slipJig.chordSegments(in: .nineEight).map(\.length) == [Rational(9, 2)])
        // An air in 3/4 wants half bars but three beats do not split evenly.
        #expect(Style.air.chordSegments(in: .threeFour).count == 1)
    }
}
