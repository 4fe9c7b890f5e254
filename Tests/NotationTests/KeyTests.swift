import Testing
@testable import Notation

@Suite struct KeyTests {
    @Test(arguments: [
        ("G", 1), ("D", 2), ("F", -1), ("Bb", -2), ("Em", 1), ("Ador", 1), ("A Dorian", 1), ("Amin", 0),
        ("E Minor", 1), ("D mixolydian", 1), ("Amix", 2), ("F#m", 3), ("C#", 7), ("Cb", -7), ("EM", 1),
        ("ADor", 1), ("G Lydian", 2), ("E phrygian", 0), ("B locrian", 0), ("Cmaj", 0),
    ])
    func signatures(text: String, fifths: Int) throws {
        #expect(try Key(parsing: text).fifths == fifths)
    }

    @Test func unknownModesFail() {
        #expect(throws: NotationError.unknownKey("Hxyz")) { try Key(parsing: "Hxyz") }
        #expect(throws: NotationError.self) { try Key(parsing: "A blues") }
        #expect(throws: NotationError.self) { try Key(parsing: "") }
    }

    @Test func signatureAccidentals() throws {
        let d = try Key(parsing: "D")
        #expect(d.signatureAccidental(for: .f) == .sharp)
        #expect(d.signatureAccidental(for: .c) == .sharp)
        #expect(d.signatureAccidental(for: .g) == .natural)
        let eb = try Key(parsing: "Eb")
        #expect(eb.signatureAccidental(for: .b) == .flat && eb.signatureAccidental(for: .a) == .flat)
        #expect(eb.signatureAccidental(for: .d) == .natural)
        #expect(try Key(parsing: "G#").signatureAccidental(for: .f) == .doubleSharp)
    }

    /// Every key on every letter (flat, natural, sharp) and mode: scale notes are spelled as `scaleSpellings`
    /// has them, every other note with a letter next to its sound, and `fifths` follows the tonic's letter.
    @Test func scaleNotesAreSpelledAsTheScaleSpellingsHaveThem() throws {
        for letter in Letter.allCases {
            for accidental in [Accidental.flat, .natural, .sharp] {
                for mode in Mode.allCases {
                    let key = Key(tonic: PitchSpelling(letter, accidental), mode: mode)
                    let major = Key(tonic: PitchSpelling(letter, accidental))
                    #expect(key.fifths == major.fifths + mode.fifthsOffset)
                    let circle = [Letter.f, .c, .g, .d, .a, .e, .b].firstIndex(of: letter)! - 1
                    #expect(major.fifths == circle + 7 * accidental.alteration, "\(key)")
                    for midi in 48..<72 {
                        let pitch = try Pitch(midi: midi)
                        let spelled = key.spell(pitch)
                        #expect(try spelled.pitch == pitch, "\(key) \(midi)")
                        if let degree = key.scalePitchClasses.firstIndex(of: pitch.pitchClass) {
                            #expect(spelled.spelling == key.scaleSpellings[degree], "\(key) \(midi)")
                        }
                    }
                }
            }
        }
    }

    @Test func spellingInKey() throws {
        let f = try Key(parsing: "F")
        #expect(f.spell(try Pitch(midi: 70)).description == "Bb4")
        let e = try Key(parsing: "E")
        #expect(e.spell(try Pitch(midi: 68)).description == "G#4")
        let am = try Key(parsing: "Am")
        #expect(am.spell(try Pitch(midi: 68)).description == "G#4", "leading tone of A minor is raised G")
        let c = Key.cMajor
        #expect(c.spell(try Pitch(midi: 66)).description == "F#4")
        let bb = try Key(parsing: "Bb")
        #expect(bb.spell(try Pitch(midi: 61)).description == "Db4")
        // Every pitch spells to something that sounds the same, in every key.
        for tonic in ["C", "G", "D", "A", "E", "B", "F#", "F", "Bb", "Eb", "Ab", "Db"] {
            for mode in Mode.allCases {
                let key = Key(tonic: PitchSpelling(tonic)!, mode: mode)
                for midi in 21...108 {
                    let p = try Pitch(midi: midi)
                    #expect(try key.spell(p).pitch == p, "\(key) \(midi)")
                }
            }
        }
    }

    @Test func scalesAndTransposition() throws {
        #expect(try Key(parsing: "Ador").scalePitchClasses == [9, 11, 0, 2, 4, 6, 7])
        #expect(try Key(parsing: "G").transposed(by: .majorSecond)?.description == "A major")
        #expect(try Key(parsing: "Edor").scaleSpellings.map(\.description) == ["E", "F#", "G", "A", "B", "C#", "D"])
    }
}
