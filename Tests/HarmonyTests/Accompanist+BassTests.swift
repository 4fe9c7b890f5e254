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
}
