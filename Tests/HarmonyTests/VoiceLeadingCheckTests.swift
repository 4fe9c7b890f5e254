import Notation
import Testing
@testable import Harmony

@Suite struct VoiceLeadingCheckTests {
    @Test func faultDetectors() {
        #expect(VoiceLeadingCheck.isParallelPerfect(48, 55, 50, 57))   // C–G to D–A
        #expect(VoiceLeadingCheck.isParallelPerfect(48, 60, 43, 67))   // octave to compound octave in contrary motion
        #expect(!VoiceLeadingCheck.isParallelPerfect(48, 55, 48, 57))  // one voice holds
        #expect(VoiceLeadingCheck.isHiddenPerfect(lower: 48, upper: 64, lower: 53, upper: 72)) // up into C–C? no: F–C fifth
        #expect(!VoiceLeadingCheck.isHiddenPerfect(lower: 48, upper: 64, lower: 53, upper: 60)) // contrary
        #expect(VoiceLeadingCheck.overlaps([48, 60, 64, 67], [48, 65, 64, 67].sorted()) == false)
        #expect(VoiceLeadingCheck.overlaps([48, 55, 64, 67], [48, 65, 67, 72]))                 // tenor above old alto
    }
}
