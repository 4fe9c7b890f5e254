import Notation
import Testing
@testable import Harmony

@Suite struct BlockChordBaselineTests {
    /// The model abc2midi follows (checked against its output by Scripts/harmony/abc2midi_baseline.py):
    /// bass 36 + root, chord 48 + root + intervals, the same octave whatever the key.
    @Test func rootPositionInAFixedOctave() {
        #expect(BlockChordBaseline.voice(ChordSymbol(parsing: "C")!) == [36, 48, 52, 55])
        #expect(BlockChordBaseline.voice(ChordSymbol(parsing: "Am")!) == [45, 57, 60, 64])
        #expect(BlockChordBaseline.voice(ChordSymbol(parsing: "B")!) == [47, 59, 63, 66])
        #expect(BlockChordBaseline.voice(ChordSymbol(parsing: "G7")!) == [43, 55, 59, 62, 65])
        #expect(BlockChordBaseline.voice(ChordSymbol(parsing: "C/E")!) == [40, 48, 52, 55])
    }

    @Test func everyBlockChordMovesInParallel() {
        // C → F → G → C in C: the three upper voices move together, 15 + 6 + 21 = 42 semitones, 3 × 3 parallels.
        let chords = ["C", "F", "G", "C"].map { BlockChordBaseline.voice(ChordSymbol(parsing: $0)!) }
        let report = VoiceLeadingCheck.report(chords)
        #expect(report.upperMovement == 42 && report.parallels == 9)
    }
}
