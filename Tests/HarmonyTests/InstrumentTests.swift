import Notation
import Testing
@testable import Harmony

@Suite struct InstrumentTests {
    @Test func rangesAreTheInstrumentsCompass() throws {
        // The violin's lowest string is G3; the acoustic bass's E1; GM percussion keys run 35...81.
        #expect(Instrument.fiddle.range.lowerBound == (try SpelledNote(letter: .g, octave: 3).pitch.midi))
        #expect(Instrument.acousticBass.range.lowerBound == (try SpelledNote(letter: .e, octave: 1).pitch.midi))
        #expect(Instrument.drumKit.range == 35...81)
        #expect(Instrument.fiddle.program == 40 && Instrument.flute.program == 73 && Instrument.acousticBass.program == 32)
        // Every percussion symbol maps inside the kit's range.
        #expect(PercussionTemplate.drumKeys.values.allSatisfy { Instrument.drumKit.range.contains($0) })
    }
}
