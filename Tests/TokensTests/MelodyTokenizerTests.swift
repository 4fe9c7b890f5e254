import Testing
@testable import Notation
@testable import Tokens

@Suite struct MelodyTokenizerTests {
    func note(_ midi: Int, _ onset: Rational, _ duration: Rational) -> MusicEvent {
        .note(try! Note(pitch: try! Pitch(midi: midi), onset: onset, duration: duration))
    }

    @Test func standardVocabularyFitsAndParses() {
        let v = Vocabulary.standard
        #expect(v.count <= 128)
        #expect(Vocabulary(texts: v.texts) == v)
        #expect(Token(text: "P:-3") == .pitch(-3) && Token(text: "D:3/2") == .duration(Rational(3, 2)))
        #expect(Token(text: "Q:1") == nil && Token(text: "K:blues") == nil && Token(text: "D:0") == nil)
    }

    @Test func jigWithPickupRoundTripsAndWritesBars() throws {
        // "A|dfa afd|e3 e2" in D, 6/8: a quaver pickup, one full bar, then a dotted crotchet tied over nothing.
        let key = try Key(parsing: "D")
        let q = Rational(1, 2)
        let events = [note(69, 0, q), note(74, q, q), note(78, 1, q), note(81, Rational(3, 2), q),
                      note(81, 2, q), note(78, Rational(5, 2), q), note(74, 3, q), note(76, Rational(7, 2), Rational(3, 2)),
                      note(76, 5, 1)]
        let melody = Melody(style: "jig", meter: .sixEight, key: key, anacrusis: q, events: events)
        let t = MelodyTokenizer()
        let tokens = try t.tokens(for: melody)
        #expect(tokens.prefix(4).map(\.text) == ["<bos>", "S:jig", "M:6/8", "K:major"])
        #expect(tokens[4...7].map(\.text) == ["P:+7", "D:1/2", "|", "P:+12"])
        #expect(tokens.filter { $0 == .bar }.count == 3)
        let back = try t.decode(t.encode(melody), tonic: key.tonic)
        #expect(back == melody)
    }

    @Test func notesAcrossBarLinesAreTiedAndMerged() throws {
        // A minim starting on beat 4 of a 4/4 bar crosses the bar line: written as tied crotchets.
        let key = try Key(parsing: "G")
        let melody = Melody(style: "reel", meter: .fourFour, key: key, events: [note(67, 0, 3), note(71, 3, 2), note(67, 5, 3)])
        let t = MelodyTokenizer()
        let texts = try t.tokens(for: melody).map(\.text)
        #expect(texts.contains("~"))
        #expect(try t.decode(t.encode(melody), tonic: key.tonic).notes == melody.notes)
    }

    @Test func transposesToAnotherTonic() throws {
        let melody = Melody(style: "folk", meter: .threeFour, key: try Key(parsing: "Ador"), events: [note(69, 0, 1), note(72, 1, 2)])
        let t = MelodyTokenizer()
        let inB = try t.decode(t.encode(melody), tonic: PitchSpelling(.b))
        #expect(inB.notes.map(\.pitch.midi) == [71, 74])   // A4 is the A reference (P:0); B's reference is B4 (71)
        #expect(inB.key.description == "B dorian")
    }

    @Test func refusesWhatTheVocabularyCannotSay() throws {
        let key = Key.cMajor
        let t = MelodyTokenizer()
        #expect(throws: TokenizeError.unknownStyle("bebop")) {
            try t.tokens(for: Melody(style: "bebop", meter: .fourFour, key: key, events: [note(60, 0, 1)]))
        }
        #expect(throws: TokenizeError.self) {   // a quintuplet semiquaver
            try t.tokens(for: Melody(style: "folk", meter: .fourFour, key: key, events: [note(60, 0, Rational(1, 5))]))
        }
        #expect(throws: TokenizeError.overlappingEvents(at: Rational(1, 2))) {
            try t.tokens(for: Melody(style: "folk", meter: .fourFour, key: key, events: [note(60, 0, 1), note(62, Rational(1, 2), 1)]))
        }
        #expect(throws: TokenizeError.self) {
            try t.tokens(for: Melody(style: "folk", meter: .fourFour, key: key, events: [note(120, 0, 1)]))
        }
        #expect(throws: TokenizeError.self) { try t.decode([1, 6, 20, 40, 999], tonic: key.tonic) }
        #expect(throws: TokenizeError.self) { try t.decode(tokens: [.begin, .style("folk"), .meter("C"), .mode(.major), .duration(1)], tonic: key.tonic) }
    }

    @Test(arguments: 0..<100) func randomMelodiesRoundTrip(seed: Int) throws {
        var g = SplitMix(seed: UInt64(seed))
        let meter = [Meter.sixEight, .fourFour, .threeFour, .nineEight, .cutTime][Int(g.next() % 5)]
        let key = Key(tonic: PitchSpelling(Letter(rawValue: Int(g.next() % 7))!), mode: Mode.allCases[Int(g.next() % 7)])
        // Lengths as tunes have them; a triplet quaver (1/3) only in a group of three, as (3 writes it.
        let lengths: [Rational] = [Rational(1, 2), Rational(1, 4), 1, Rational(3, 2), Rational(1, 3), Rational(3, 4), 2, Rational(5, 2)]
        var t = Rational.zero, events: [MusicEvent] = []
        var tripletLeft = 0
        for _ in 0..<40 {
            var d = lengths[Int(g.next() % UInt64(lengths.count))]
            if tripletLeft > 0 { d = Rational(1, 3); tripletLeft -= 1 }
            else if d == Rational(1, 3) { if t.isInteger { tripletLeft = 2 } else { d = Rational(1, 2) } }   // on the beat
            if g.next() % 6 == 0 { events.append(.rest(try Rest(onset: t, duration: d))) }
            else { events.append(note(Melody.tonicReference(key) + Int(g.next() % 30) - 5, t, d)) }
            t += d
        }
        let melody = Melody(style: "folk", meter: meter, key: key, anacrusis: g.next() % 2 == 0 ? 0 : Rational(1, 2), events: events)
        let tok = MelodyTokenizer()
        let back = try tok.decode(tok.encode(melody), tonic: key.tonic)
        #expect(back.notes == melody.notes, "seed \(seed)")
        #expect(back.end == melody.end, "seed \(seed)")
    }
}

/// A tiny deterministic generator for randomized tests (failures name their seed).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
