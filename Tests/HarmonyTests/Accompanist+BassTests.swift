import Notation
import Testing
@testable import Harmony

@Suite struct AccompanistBassTests {
    @Test func approachNotesStepIntoTheNextRoot() {
        let accompanist = Accompanist(style: .reel, key: .cMajor, meter: .cutTime)
        #expect(accompanist.approach(to: 43, from: 36) == 41)   // C → G: F below G, nearer than A
        #expect(accompanist.approach(to: 41, from: 48) == 43)   // C3 → F2... from above: G above F
        let aMinor = Accompanist(style: .reel, key: try! Key(parsing: "Am"), meter: .cutTime)
        #expect(aMinor.approach(to: 45, from: 40) == 43)        // E → A in A minor: G natural below
    }

    @Test func chordSpansCutStrokesAtChanges() {
        let spans = ChordSpans(chords: [TimedChordSymbol(onset: 1, symbol: ChordSymbol(parsing: "C")!),
                                        TimedChordSymbol(onset: 2, symbol: ChordSymbol(parsing: "G")!)], end: 4)
        let pieces = spans.pieces(from: 0, length: 4)
        #expect(pieces.map(\.onset) == [1, 2])
        #expect(pieces.map(\.length) == [1, 2])
        #expect(pieces.map(\.span) == [0, 1])
    }

    @Test func bassSymbolsPickChordTonesInRange() throws {
        let accompanist = Accompanist(style: .reel, key: .cMajor, meter: .cutTime) // acoustic bass 28...55
        func voicing(_ name: String, bass: Int) throws -> VoicedChord {
            VoicedChord(symbol: ChordSymbol(parsing: name)!, bass: try Pitch(midi: bass),
                        upper: [try Pitch(midi: 60), try Pitch(midi: 64), try Pitch(midi: 67)])
        }
        let chords = [try voicing("C/E", bass: 40), try voicing("G", bass: 55), try voicing("C", bass: 48)]
        // C/E: the fifth is G above the E bass, the third E; R is the slash bass itself.
        #expect(try accompanist.bassPitch("F", span: 0, voicings: chords, onset: 0) == 43)
        #expect(try accompanist.bassPitch("R", span: 0, voicings: chords, onset: 0) == 40)
        #expect(try accompanist.bassPitch("T", span: 0, voicings: chords, onset: 0) == 52)
        // G3 at the top of the range: the fifth D goes below (D3), the octave is not available.
        #expect(try accompanist.bassPitch("F", span: 1, voicings: chords, onset: 0) == 50)
        #expect(try accompanist.bassPitch("O", span: 1, voicings: chords, onset: 0) == 55)
        // Approach from G3 into C3: B2 below (47) is nearer than D3 above (50)? |47-55| = 8 > |50-55| = 5: D3.
        #expect(try accompanist.bassPitch("A", span: 1, voicings: chords, onset: 0) == 50)
        var plain = accompanist
        plain.options.walkingBass = false
        #expect(try plain.bassPitch("A", span: 0, voicings: chords, onset: 0) == 43) // the fifth instead
        #expect(try accompanist.bassPitch("A", span: 2, voicings: chords, onset: 0) == 55) // last chord: fifth G3
    }
}
