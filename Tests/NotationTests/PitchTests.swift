import Foundation
import Testing
@testable import Notation

@Suite struct PitchTests {
    @Test func middleCIsSixtyAndC4() {
        #expect(Pitch.middleC.midi == 60)
        #expect(Pitch.middleC.description == "C4")
        #expect(Pitch.middleC.octave == 4)
        #expect(abs(Pitch.concertA.frequency - 440) < 1e-9)
    }

    @Test func outOfRangeThrowsNeverClamps() {
        #expect(throws: NotationError.pitchOutOfRange(128)) { try Pitch(midi: 128) }
        #expect(throws: NotationError.pitchOutOfRange(-1)) { try Pitch(midi: -1) }
        #expect(throws: NotationError.pitchOutOfRange(130)) { try Pitch(midi: 120).transposed(by: 10) }
    }

    @Test func decodingRejectsOutOfRange() {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Pitch].self, from: Data("[200]".utf8)) }
    }

    @Test func spelledNotesSound() throws {
        #expect(try SpelledNote(letter: .c, octave: 4).pitch.midi == 60)
        #expect(try SpelledNote(letter: .b, accidental: .sharp, octave: 3).pitch.midi == 60)
        #expect(try SpelledNote(letter: .c, accidental: .flat, octave: 4).pitch.midi == 59)
        #expect(try SpelledNote(letter: .a, octave: 4).pitch == Pitch.concertA)
        #expect(throws: NotationError.self) { try SpelledNote(letter: .g, accidental: .sharp, octave: 9).pitch }
    }

    @Test func intervalsSpellTransposition() throws {
        let e4 = SpelledNote(letter: .e, octave: 4)
        #expect(e4.transposed(by: .minorThird)?.description == "G4")
        #expect(e4.transposed(by: .majorThird)?.description == "G#4")
        #expect(SpelledNote(letter: .b, octave: 3).transposed(by: .minorSecond)?.description == "C4")
        #expect(Interval.between(SpelledNote(letter: .c, octave: 4), SpelledNote(letter: .e, accidental: .flat, octave: 4)).description == "m3")
        #expect(Interval(semitones: 4, steps: 3).description == "d4")
        #expect(Interval.perfectFifth.description == "P5")
        #expect(Interval(semitones: 19).description == "P12")
    }
}
