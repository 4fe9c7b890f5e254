import Notation
import Testing

@testable import ABCNotation

@Test func pitchesOctavesAndAccidentalsCarriedThroughTheBar() throws {
    // C is middle C (60); c an octave up; commas and apostrophes move octaves.
    let t = try readTune("C c C, c' | ^F F f =F | _B B __B ^^C")
    #expect(t.playedNotes().map(\.pitch.midi) == [60, 72, 48, 84, 66, 66, 78, 65, 70, 70, 69, 62])
    // The key signature applies until an accidental; an accidental lasts to the bar line (all octaves).
    let g = try readTune("F f =F f | F", header: "L:1/8\nK:G")
    #expect(g.playedNotes().map(\.pitch.midi) == [66, 78, 65, 77, 66])
}

@Test func lengthsInQuarters() throws {
    let t = try readTune("A A2 A/2 A/ A// A3/2 z4 x2")
    let d = t.body.map(\.duration)
    let r = { (n: Int, m: Int) in Rational(n, m) }
    #expect(d == [r(1, 2), r(1, 1), r(1, 4), r(1, 4), r(1, 8), r(3, 4), r(2, 1), r(1, 1)])
    let onsets = t.body.map(\.onset)
    #expect(onsets == [0, r(1, 2), r(3, 2), r(7, 4), 2, r(17, 8), r(23, 8), r(39, 8)])
}

@Test func multiBarRestUsesTheMeter() throws {
    let t = try readTune("Z4 | C", header: "M:3/4\nL:1/8\nK:C")
    #expect(t.playedNotes().first?.onset == Rational(12))
}

@Test func brokenRhythm() throws {
    let t = try readTune("A>B A<B A>>B A2>B2")
    let r = { (n: Int, m: Int) in Rational(n, m) }
    #expect(t.playedNotes().map(\.duration) == [r(3, 4), r(1, 4), r(1, 4), r(3, 4), r(7, 8), r(1, 8), r(3, 2), r(1, 2)])
    // abc2midi ignores > between notes of different written lengths; so do we.
    let u = try readTune("d>B/ c")
    #expect(u.playedNotes().map(\.onset) == [0, r(1, 2), r(3, 4)])
}

@Test func tupletsWithTheStandardDefaults() throws {
    let r = { (n: Int, m: Int) in Rational(n, m) }
    // (3: three in the time of two.
    let t = try readTune("(3ABc d")
    #expect(t.playedNotes().map(\.onset) == [0, r(1, 3), r(2, 3), 1])
    // (p:q:r explicit.
    let u = try readTune("(3:2:2A2B C")
    #expect(u.playedNotes().map(\.onset) == [0, r(2, 3), 1])
    // (5 takes q = 2 in 2/4 and q = 3 when the meter's numerator is a multiple of 3 (abc2midi's rule).
    let simple = try readTune("(5ABcde f", header: "M:2/4\nL:1/8\nK:C")
    #expect(simple.playedNotes().last?.onset == Rational(1))
    let triple = try readTune("(5ABcde f", header: "M:6/8\nL:1/8\nK:C")
    #expect(triple.playedNotes().last?.onset == Rational(3, 2))
}

@Test func tiesJoinNotesAcrossBarLines() throws {
    let t = try readTune("c2- | c2 d | [CE]-[CE] |")
    let notes = t.playedNotes()
    #expect(notes.map(\.pitch.midi) == [72, 74, 60, 64])
    #expect(notes[0].duration == Rational(2))
    #expect(notes[2].duration == Rational(1))
}

@Test func chordsTakeTheFirstNoteLengthTimesTheOuterLength() throws {
    let t = try readTune("[CEG]2 [C2E2]/2 G")
    let notes = t.playedNotes()
    #expect(notes.map(\.onset) == [0, 0, 0, 1, 1, Rational(3, 2)])
}

@Test func graceNotesDecorationsAndTextTakeNoTime() throws {
    let t = try readTune("{ABc}d ~e .f Tg Hu v k !trill!a +fermata+b \"^text\"c \"4\"d \"D.C.\"e y`f !g")
    #expect(names(t.playedNotes()) == ["D5", "E5", "F5", "G5", "A5", "B5", "C5", "D5", "E5", "F5", "G5"])
    #expect(t.playedNotes().map(\.onset) == (0..<11).map { Rational($0, 2) })
}

@Test func chordSymbolsAreParsedAsChords() throws {
    let t = try readTune("\"Am7\"A2 \"G/B\"B2 \"^Segno\"c2 \"D.C.\"d2")
    let symbols = t.body.compactMap { e -> (Rational, ChordSymbol)? in
        if case .chordSymbol(let s, let onset) = e { return (onset, s) }
        return nil
    }
    #expect(symbols.map(\.0) == [0, 1])
    #expect(symbols.map(\.1) == [ChordSymbol(parsing: "Am7")!, ChordSymbol(parsing: "G/B")!])
}

@Test func inlineAndMidTuneFields() throws {
    let t = try readTune("F [K:D] F | [L:1/4] F [M:3/4] |\nK:F\nB [Q:1/4=90]", header: "M:4/4\nL:1/8\nK:C")
    #expect(t.playedNotes().map(\.pitch.midi) == [65, 66, 66, 70])
    #expect(t.playedNotes().map(\.duration) == [Rational(1, 2), Rational(1, 2), 1, 1])
    #expect(t.body.contains { if case .meterChange(let m, _) = $0 { return m.numerator == 3 } else { return false } })
    #expect(t.body.contains { if case .tempoChange(let q, _) = $0 { return q.beatsPerMinute == 90 } else { return false } })
}

@Test func continuationCommentsAndDirectives() throws {
    let t = try readTune("A B \\\n% a comment line\n%%MIDI program 1\nc d % trailing comment\n")
    #expect(names(t.playedNotes()) == ["A4", "B4", "C5", "D5"])
}

@Test func headerFieldsAreKept() throws {
    let t = try readTune("A", header: "T:Second title\nC:Composer\nO:Ireland\nR:reel\nS:source\nM:C|\nL:1/8\nQ:1/2=100\nK:Ador")
    #expect(t.titles == ["Test", "Second title"])
    #expect(t.rhythm == "reel")
    #expect(t.otherFields["C"] == ["Composer"])
    #expect(t.otherFields["O"] == ["Ireland"])
    #expect(t.meter?.text == "C|")
    #expect(t.tempo?.quarterNotesPerMinute == 200)
    #expect(t.key == Key(tonic: PitchSpelling(.a), mode: .dorian))
}

@Test func voicesReadRejectedOrFirstOnly() throws {
    let body = "V:1\nABc|\nV:2\nCDE|\nV:1\ndef|"
    let all = try readTune(body)
    #expect(all.voices.map(\.id) == ["1", "2"])
    #expect(names(all.playedNotes(voice: 0)) == ["A4", "B4", "C5", "D5", "E5", "F5"])
    #expect(try all.score(voices: .allVoicesAsParts).parts.count == 2)
    #expect(try all.score(voices: .firstVoiceAsMelody).parts.count == 1)
    let failure = ABCTunebook(text: "X:3\nT:Two\nK:C\n\(body)\n", voices: .reject).failures.first
    #expect(failure?.referenceNumber == 3)
    #expect(failure?.error.location == ABCLocation(line: 6, column: 1))
}

@Test func malformedHeaderLinesAreSkippedWithAWarning() throws {
    let t = try readTune("ABc", header: "M:6/8\nI :: ::\n3/8=120\nN\n%%Bfly 0 1 \\\n 0 0 3\nL:1/8\nK:G")
    #expect(t.warnings.map(\.location.line) == [4, 5, 6, 8])
    #expect(t.unitLength == Rational(1, 8))
}
