import Notation
import Testing

@testable import ABCNotation

private let here = ABCLocation(line: 1, column: 1)

/// Every mode spelling seen in the corpus (MANIFEST.md), with the key it means.
@Test(arguments: [
    ("G", "G", Mode.major), ("Em", "E", .minor), ("F#m", "F#", .minor), ("Bb", "Bb", .major),
    ("Ador", "A", .dorian), ("ADor", "A", .dorian), ("A Dorian", "A", .dorian), ("Amin", "A", .minor),
    ("E Minor", "E", .minor), ("EM", "E", .minor), ("EMin", "E", .minor), ("D Major", "D", .major),
    ("Dmix", "D", .mixolydian), ("AMix", "A", .mixolydian), ("A Mixolydian", "A", .mixolydian),
    ("Glyd", "G", .lydian), ("G Lydian", "G", .lydian), ("Bphr", "B", .phrygian), ("Dmixm", "D", .mixolydian),
    ("Hp", "A", .mixolydian), ("HP", "A", .mixolydian), ("none", "C", .major), ("", "C", .major),
])
func keySpellings(text: String, tonic: String, mode: Mode) throws {
    let k = try ABCFieldParser.key(text, at: here)
    #expect(k.key.tonic == PitchSpelling(tonic)!)
    #expect(k.key.mode == mode)
}

@Test func keySignatureAlterationsAndExplicitAccidentals() throws {
    // D major: F# and C#.
    #expect(try ABCFieldParser.key("D", at: here).alterations == [1, 0, 0, 1, 0, 0, 0])
    // Dmix with =c written out: only F#, C natural (the corpus's `K:Dmix=c`).
    #expect(try ABCFieldParser.key("Dmix =c", at: here).alterations == [0, 0, 0, 1, 0, 0, 0])
    // Bagpipe keys sound as abc2midi plays them: F# and C#.
    #expect(try ABCFieldParser.key("HP", at: here).alterations == [1, 0, 0, 1, 0, 0, 0])
}

@Test func unknownModeIsAnErrorNamingTheWord() {
    #expect(throws: ABCError.invalidField(
        field: "K", value: "Bn", at: here,
        reason: "unknown mode \"n\"; use maj, min, m, dor, phr, lyd, mix, loc, ion or aeo")) {
        try ABCFieldParser.key("Bn", at: here)
    }
}

@Test func meters() throws {
    #expect(try ABCFieldParser.meter("6/8", at: here)?.barLength == Rational(3))
    #expect(try ABCFieldParser.meter("C", at: here)?.barLength == Rational(4))
    #expect(try ABCFieldParser.meter("C|", at: here)?.barLength == Rational(4))  // 2/2
    #expect(try ABCFieldParser.meter("(2+3)/8", at: here)?.numerator == 5)
    #expect(try ABCFieldParser.meter("none", at: here) == nil)
    for bad in ["0/4", "4/0", "x/4", "3"] {
        #expect(throws: ABCError.self) { try ABCFieldParser.meter(bad, at: here) }
    }
}

@Test func unitLengthsAndTheDefaultRule() throws {
    #expect(try ABCFieldParser.unitLength("1/16", at: here) == Rational(1, 16))
    #expect(throws: ABCError.self) { try ABCFieldParser.unitLength("1/0", at: here) }
    #expect(throws: ABCError.self) { try ABCFieldParser.unitLength("0/8", at: here) }
    // L absent: 1/16 when the meter is below 3/4, else 1/8.
    #expect(ABCFieldParser.defaultUnitLength(for: ABCMeter(numerator: 2, denominator: 4)) == Rational(1, 16))
    #expect(ABCFieldParser.defaultUnitLength(for: ABCMeter(numerator: 3, denominator: 4)) == Rational(1, 8))
    #expect(ABCFieldParser.defaultUnitLength(for: ABCMeter(numerator: 6, denominator: 8)) == Rational(1, 8))
    #expect(ABCFieldParser.defaultUnitLength(for: nil) == Rational(1, 8))
}

@Test func tempos() throws {
    #expect(try ABCFieldParser.tempo("1/4=120", unitLength: Rational(1, 8), at: here)?.quarterNotesPerMinute == 120)
    #expect(try ABCFieldParser.tempo("3/8=120", unitLength: Rational(1, 8), at: here)?.quarterNotesPerMinute == 180)
    #expect(try ABCFieldParser.tempo("\"Allegro\" 1/2=60", unitLength: Rational(1, 8), at: here)?.quarterNotesPerMinute == 120)
    #expect(try ABCFieldParser.tempo("200", unitLength: Rational(1, 8), at: here)?.quarterNotesPerMinute == 100)
    #expect(throws: ABCError.self) { try ABCFieldParser.tempo("1/4=fast", unitLength: Rational(1, 8), at: here) }
}
