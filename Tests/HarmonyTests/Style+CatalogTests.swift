import Notation
import Testing
@testable import Harmony

@Suite struct StyleCatalogTests {
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
