import Notation
import Testing
@testable import Harmony

@Suite struct ArrangerTests {
    @Test func soldiersJoyAsAPolka() throws {
        let tune = TuneFixtures.soldiersJoy
        let melody = TuneFixtures.melody(tune)
        var rng = SplitMix64(seed: 11)
        let arrangement = try Arranger.arrange(melody: melody, key: tune.key, meter: tune.meter, style: .polka,
                                               anacrusis: tune.anacrusis, using: &rng)
        let expected = try Harmonizer(key: tune.key, meter: tune.meter, style: .polka, anacrusis: tune.anacrusis).harmonize(melody)
        #expect(arrangement.harmonization == expected)
        #expect(arrangement.accompaniment.parts.map(\.name) == ["Chords", "Bass", "Drums"])
        #expect(arrangement.accompaniment.bass.program == Instrument.tuba.program)
        // A different seed draws different templates somewhere in 8 bars (or the same with low probability):
        // the output depends only on the generator.
        var a = SplitMix64(seed: 12), b = SplitMix64(seed: 12)
        let first = try Arranger.arrange(melody: melody, key: tune.key, meter: tune.meter, style: .polka,
                                         anacrusis: tune.anacrusis, using: &a)
        let second = try Arranger.arrange(melody: melody, key: tune.key, meter: tune.meter, style: .polka,
                                          anacrusis: tune.anacrusis, using: &b)
        #expect(first == second)
    }
}
