import Notation
import Testing
import MIDIFile

/// Meta events <-> Notation values: tempo, key and meter.
struct MIDIMetaEventNotationTests {
    @Test func temposReadBackAsTheSimplestFractionThatRoundsTheSame() throws {
        #expect(MIDIMetaEvent.quarterNotesPerMinute(microsecondsPerQuarter: 500_000) == 120)
        #expect(MIDIMetaEvent.quarterNotesPerMinute(microsecondsPerQuarter: 666_667) == 90)
        #expect(MIDIMetaEvent.quarterNotesPerMinute(microsecondsPerQuarter: 497_925) == Rational(241, 2))
        #expect(MIDIMetaEvent.quarterNotesPerMinute(microsecondsPerQuarter: 1) == 60_000_000)
        for us in [1, 2, 3, 7, 1000, 333_333, 461_538, 0xFF_FFFF] {
            let qpm = MIDIMetaEvent.quarterNotesPerMinute(microsecondsPerQuarter: us)
            #expect(try TempoChange(quarterNotesPerMinute: qpm).microsecondsPerQuarter == us, "\(us) µs")
        }
    }

    @Test func keySignaturesNameTheirMajorOrMinorKey() {
        #expect(MIDIMetaEvent.key(fifths: 0, isMinor: false) == Key.cMajor)
        #expect(MIDIMetaEvent.key(fifths: -3, isMinor: true) == Key(tonic: PitchSpelling(.c), mode: .minor))
        #expect(MIDIMetaEvent.key(fifths: 7, isMinor: true) == Key(tonic: PitchSpelling(.a, .sharp), mode: .minor))
        #expect(MIDIMetaEvent.key(fifths: -7, isMinor: false) == Key(tonic: PitchSpelling(.c, .flat)))
        #expect(MIDIMetaEvent.key(fifths: 8, isMinor: false) == nil)
        for fifths in -7...7 {
            for minor in [false, true] {
                #expect(MIDIMetaEvent.key(fifths: fifths, isMinor: minor)?.fifths == fifths)
            }
        }
    }

    @Test func timeSignaturesClickOnTheFirstBeat() throws {
        #expect(MIDIMetaEvent.timeSignature(.fourFour) == .timeSignature(numerator: 4, denominatorPower: 2, clocksPerClick: 24, thirtySecondsPerQuarter: 8))
        #expect(MIDIMetaEvent.timeSignature(.sixEight) == .timeSignature(numerator: 6, denominatorPower: 3, clocksPerClick: 36, thirtySecondsPerQuarter: 8))
        #expect(MIDIMetaEvent.timeSignature(.cutTime) == .timeSignature(numerator: 2, denominatorPower: 1, clocksPerClick: 48, thirtySecondsPerQuarter: 8))
    }

    @Test func modesOtherThanMajorAndMinorAreWrittenWithTheirSignature() throws {
        // A dorian has one sharp (F#), like G major: written as 1 with the major flag.
        #expect(try MIDIMetaEvent.keySignature(Key(tonic: PitchSpelling(.a), mode: .dorian)) == .keySignature(fifths: 1, isMinor: false))
        #expect(try MIDIMetaEvent.keySignature(Key(tonic: PitchSpelling(.d), mode: .dorian)) == .keySignature(fifths: 0, isMinor: false))
        #expect(try MIDIMetaEvent.keySignature(Key(tonic: PitchSpelling(.b, .flat), mode: .minor)) == .keySignature(fifths: -5, isMinor: true))
    }
}
