import Foundation
import Testing
import MIDIFile

/// The inspection JSON: exact text for the small fixture, and the keys crosscheck.py reads.
struct MIDIInspectionTests {
    @Test func theSmallFixtureInspectsToThisJSON() throws {
        let json = MIDIInspection(try MIDIFile(bytes: Fixtures.smallFormat0)).json()
        #expect(json == #"{"format":0,"ticksPerQuarter":96,"tracks":[{"name":"Tune","notes":["#
            + #"{"channel":0,"end":96,"pitch":60,"start":0,"velocity":80},"#
            + #"{"channel":0,"end":192,"pitch":64,"start":96,"velocity":80},"#
            + #"{"channel":0,"end":288,"pitch":67,"start":192,"velocity":80}],"unterminated":[]}]}"#)
        let decoded = try JSONDecoder().decode(MIDIInspection.self, from: Data(json.utf8))
        #expect(decoded == MIDIInspection(try MIDIFile(bytes: Fixtures.smallFormat0)))
    }

    @Test func smpteFilesGiveFramesInsteadOfTicksPerQuarter() throws {
        let file = try MIDIFile(bytes: Fixtures.header(division: (0xE7, 0x28)) + Fixtures.track(Fixtures.endOfTrack))
        let inspection = MIDIInspection(file)
        #expect(inspection.ticksPerQuarter == nil && inspection.framesPerSecond == 25 && inspection.ticksPerFrame == 40)
    }
}
