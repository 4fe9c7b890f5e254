import Notation
import Testing
@testable import Harmony

@Suite struct ScaleChordTests {
    @Test func numeralsPerMode() {
        #expect(ChordVocabulary.chords(for: .major).map { $0.numeral(in: .major) } == ["I", "IV", "V", "V7", "vi", "ii"])
        #expect(ChordVocabulary.chords(for: .minor).map { $0.numeral(in: .minor) }
                == ["i", "iv", "v", "V", "V7", "bVI", "bVII", "bIII"])
        #expect(ChordVocabulary.chords(for: .dorian).map { $0.numeral(in: .dorian) } == ["i", "IV", "bVII", "bIII", "v"])
        #expect(ChordVocabulary.chords(for: .mixolydian).map { $0.numeral(in: .mixolydian) } == ["I", "bVII", "IV", "v", "ii"])
        // Other modes: their diatonic triads without diminished ones (lydian: I II iii V vi vii, not #iv°).
        #expect(ChordVocabulary.chords(for: .lydian).map { $0.numeral(in: .lydian) } == ["I", "II", "iii", "V", "vi", "vii"])
        #expect(ChordVocabulary.chords(for: .phrygian).first?.numeral(in: .phrygian) == "i")
        #expect(ChordVocabulary.chords(for: .locrian).first?.quality == .diminished)
    }

    @Test func symbolsAreSpelledByTheKeySignature() throws {
        let progression = ChordVocabulary.progression(["I", "IV", "V7", "vi"], in: try Key(parsing: "Eb"))
        #expect(progression?.map(\.description) == ["Eb", "Ab", "Bb7", "Cm"])
        #expect(ChordVocabulary.progression(["i", "V", "bVI"], in: try Key(parsing: "F#m"))?.map(\.description) == ["F#m", "C#", "D"])
        #expect(ChordVocabulary.progression(["I", "bVII"], in: try Key(parsing: "Amix"))?.map(\.description) == ["A", "G"])
        #expect(ChordVocabulary.progression(["I", "bVII"], in: .cMajor) == nil)
    }

    @Test func dominantStrength() {
        #expect(ChordVocabulary.chord("V7", in: .major)?.dominantStrength(in: .major) == 1)
        #expect(ChordVocabulary.chord("bVII", in: .mixolydian)?.dominantStrength(in: .mixolydian) == 0.8)
        #expect(ChordVocabulary.chord("v", in: .dorian)?.dominantStrength(in: .dorian) == 0.5)
        #expect(ChordVocabulary.chord("IV", in: .major)?.dominantStrength(in: .major) == 0)
    }
}
