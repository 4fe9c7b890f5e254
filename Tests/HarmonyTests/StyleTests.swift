import Notation
import Testing
@testable import Harmony

@Suite struct StyleTests {
    @Test func defaultMetersFollowTheDanceTypes() {
        #expect(Style.reel.defaultMeter == .cutTime)
        #expect(Style.reel.allows(.commonTime) && Style.reel.allows(.fourFour))
        #expect(Style.jig.defaultMeter == .sixEight)
        #expect(Style.slipJig.defaultMeter == .nineEight)
        #expect(Style.hornpipe.defaultMeter == .commonTime && Style.hornpipe.feel == .dotted)
        #expect(Style.strathspey.defaultMeter == .commonTime && Style.strathspey.feel == .scotchSnap)
        #expect(Style.polka.defaultMeter == .twoFour)
        #expect(Style.waltz.defaultMeter == .threeFour)
        #expect(Style.march.allows(.twoFour) && Style.march.allows(.sixEight) && !Style.march.allows(.threeFour))
        #expect(Style.air.allows(.threeFour) && Style.air.allows(.fourFour) && Style.air.allows(.sixEight))
        #expect(!Style.jig.allows(.threeFour))
        #expect(Style.folk.allows(try! Meter(numerator: 7, denominator: 8)))
    }

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

    @Test func learnedAndRuleGuidedFollowTheCorpus() {
        let ruleGuided = Style.catalog.filter { $0.source == .ruleGuided }.map(\.kind)
        #expect(Set(ruleGuided) == [.polka, .waltz, .march])
    }

    @Test func instrumentsAreValidGeneralMIDI() {
        for style in Style.catalog {
            for instrument in [style.instruments.melody, style.instruments.chords, style.instruments.bass] {
                #expect((0...127).contains(instrument.program), "\(style.name) \(instrument.name)")
                #expect(instrument.range.lowerBound >= 0 && instrument.range.upperBound <= 127)
                #expect(instrument.range.count >= 15, "\(instrument.name) range too small to play a tune")
            }
            #expect(style.instruments.bass.range.upperBound < style.instruments.melody.range.upperBound)
        }
    }
}
