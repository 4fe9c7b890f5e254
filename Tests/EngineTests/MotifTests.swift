import Notation
import Testing
import Tokens
@testable import Engine

@Suite struct MotifTests {
    @Test func aHeaderlessLineTakesTheGivenMeterAndKey() throws {
        let motif = try Motif(abc: "GABc dBAG|", source: "--motif-text", meter: .fourFour, key: try Key(parsing: "G"))
        #expect(motif.notes.map(\.pitch.midi) == [67, 69, 71, 72, 74, 71, 69, 67])
        #expect(motif.key == nil && motif.meter == nil)
        #expect(try motif.resolveKey(requested: nil, transpose: false) == Key(tonic: PitchSpelling(.g)))
    }

    @Test func aWrittenKeyIsTheTunesUnlessTransposed() throws {
        let motif = try Motif(abc: "X:1\nM:6/8\nL:1/8\nK:D\nAFA dfa|\n", source: "m.abc", meter: .fourFour, key: nil)
        let d = try Key(parsing: "D"), g = try Key(parsing: "G")
        #expect(motif.meter == .sixEight)
        #expect(try motif.resolveKey(requested: nil, transpose: false) == d)
        #expect(try motif.resolveKey(requested: g, transpose: true) == g)
        #expect(throws: EngineError.self) { try motif.resolveKey(requested: g, transpose: false) }
        // tokens are relative to the tonic, so the same tokens open a tune in G a fourth higher
        let tokens = try motif.bodyTokens(meter: .sixEight, key: g, anacrusis: .zero, bars: 4, vocabulary: .standard)
        let v = Vocabulary.standard
        let header = [Token.begin, .style("jig"), .meter("6/8"), .mode(.major)].map { v.id(of: $0)! }
        let melody = try MelodyTokenizer().decode(header + tokens + [v.id(of: .end)!], tonic: g.tonic)
        let shift = Melody.tonicReference(g) - Melody.tonicReference(d)
        #expect(melody.notes.map(\.pitch.midi) == [69, 66, 69, 74, 78, 81].map { $0 + shift })
    }

    @Test(arguments: [
        ("GABc dBA|", "m:1:8: the motif ends inside a bar"),
        ("GAB|c dBAG|", "m:1:4: this bar line comes after 3/2 quarters"),
        ("GABc dBAG|GABc dBAG|GABc dBAG|", "m:1:21: the motif is longer than the tune"),
    ])
    func badMotifsSayWhereWithLineAndColumn(text: String, message: String) throws {
        let motif = try Motif(abc: text, source: "m", meter: .fourFour, key: nil)
        do {
            _ = try motif.bodyTokens(meter: .fourFour, key: .cMajor, anacrusis: .zero, bars: 2, vocabulary: .standard)
            Issue.record("no error for \(text)")
        } catch {
            #expect(error.description.hasPrefix(message), "\(error)")
        }
    }

    @Test func theComposerOpensWithTheMotifAndContinuesIt() throws {
        let composer = try EngineFixtures.composer()
        let motif = try Motif(abc: "X:1\nM:6/8\nL:1/8\nK:D\nAFA dfa|\n", source: "m.abc", meter: .sixEight, key: nil)
        let c = try composer.compose(CompositionRequest(style: .jig, bars: 8, seed: 4, motif: motif))
        #expect(c.melody.notes.prefix(6).map(\.pitch.midi) == [69, 66, 69, 74, 78, 81])
        #expect(c.report.key == "D major")
        #expect(c.melody.end == 8 * Meter.sixEight.barLength)
    }
}

@Suite struct OctaveShiftTests {
    @Test func tunesStayWhereTheCorpusHasThemWhenTheInstrumentAllows() {
        // D (62) on a flute (60...96): only A3 and B3 fall below the range; no octave shift.
        #expect(Composer.octaveShift(reference: 62, range: 60...96) == 0)
        // G (67) on a fiddle: fits as it is.
        #expect(Composer.octaveShift(reference: 67, range: 55...100) == 0)
        // D on a whistle (74...98): a whole octave up is needed.
        #expect(Composer.octaveShift(reference: 62, range: 74...98) == 12)
        // A tuba-like range forces the tune down.
        #expect(Composer.octaveShift(reference: 62, range: 26...60) == -24 || Composer.octaveShift(reference: 62, range: 26...60) == -12)
    }
}
