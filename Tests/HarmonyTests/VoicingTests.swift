import Notation
import Testing
@testable import Harmony

@Suite struct VoicingTests {
    @Test func seventhChordsMayOmitTheFifth() throws {
        let g7 = ChordSymbol(parsing: "G7")!
        // G B D F with a G bass: upper voices may be B D F (all four tones) or B F G (fifth omitted, root doubled).
        #expect(VoicingRules.isComplete(bass: 43, upper: [59, 62, 65], chord: g7, leadingTone: 11))
        #expect(VoicingRules.isComplete(bass: 43, upper: [59, 65, 67], chord: g7, leadingTone: 11))
        #expect(!VoicingRules.isComplete(bass: 43, upper: [59, 62, 67], chord: g7, leadingTone: 11)) // no seventh
        #expect(!VoicingRules.isComplete(bass: 43, upper: [59, 65, 71], chord: g7, leadingTone: 11)) // B doubled
        let voiced = try VoiceLeader(key: .cMajor).voice(["C", "F", "G7", "C"].map { ChordSymbol(parsing: $0)! })
        #expect(VoiceLeadingCheck.report(voiced).parallels == 0)
        #expect(voiced[2].pitches.contains { $0.pitchClass == 5 }, "G7 keeps its seventh")
    }

    @Test func doublingRules() {
        let c = ChordSymbol(parsing: "C")!
        #expect(VoicingRules.isComplete(bass: 48, upper: [64, 67, 72], chord: c, leadingTone: 11))  // C E G C
        #expect(!VoicingRules.isComplete(bass: 48, upper: [64, 67, 76], chord: c, leadingTone: 11)) // E doubled
        #expect(!VoicingRules.isComplete(bass: 48, upper: [60, 64, 72], chord: c, leadingTone: 11)) // no fifth
        let g = ChordSymbol(parsing: "G")!
        #expect(!VoicingRules.isComplete(bass: 43, upper: [59, 62, 71], chord: g, leadingTone: 11)) // leading tone doubled
        #expect(!VoicingRules.isSpaced(bass: 48, upper: [52, 67, 72]))                               // tenor–alto > octave
        #expect(!VoicingRules.isSpaced(bass: 48, upper: [64, 64, 72]))                               // unison
    }
}
