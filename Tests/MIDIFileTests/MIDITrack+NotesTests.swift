import Testing
import MIDIFile

/// The note-pairing rule: velocity-0 note-ons end notes, note-offs close the earliest open note of their
/// channel and pitch, unterminated notes are set apart.
struct MIDITrackNotesTests {
    func track(_ events: [(Int, MIDIEvent)]) -> MIDITrack {
        MIDITrack(events: events.map { MIDITrackEvent(tick: $0.0, event: $0.1) })
    }

    @Test func noteOffClosesTheEarliestOpenNoteOfItsChannelAndPitch() {
        let t = track([
            (0, .noteOn(channel: 0, note: 60, velocity: 10)),
            (10, .noteOn(channel: 0, note: 60, velocity: 20)),   // same key again: a second note
            (15, .noteOn(channel: 1, note: 60, velocity: 30)),   // other channel: its own queue
            (20, .noteOff(channel: 0, note: 60, velocity: 0)),   // closes the velocity-10 note (FIFO)
            (25, .noteOn(channel: 0, note: 60, velocity: 0)),    // velocity 0 = note off: closes velocity 20
            (30, .noteOff(channel: 0, note: 60, velocity: 0)),   // nothing open: ignored
            (40, .noteOff(channel: 1, note: 60, velocity: 0)),
        ])
        let paired = t.notes()
        #expect(paired.notes == [
            MIDINote(channel: 0, pitch: 60, velocity: 10, start: 0, end: 20),
            MIDINote(channel: 0, pitch: 60, velocity: 20, start: 10, end: 25),
            MIDINote(channel: 1, pitch: 60, velocity: 30, start: 15, end: 40),
        ])
        #expect(paired.unterminated.isEmpty)
    }

    @Test func notesNeverSwitchedOffAreSetApartWithTheTrackEnd() {
        let t = track([
            (0, .noteOn(channel: 2, note: 64, velocity: 90)),
            (0, .noteOn(channel: 2, note: 67, velocity: 90)),
            (96, .noteOff(channel: 2, note: 67, velocity: 0)),
            (100, .meta(.endOfTrack)),
        ])
        let paired = t.notes()
        #expect(paired.notes == [MIDINote(channel: 2, pitch: 67, velocity: 90, start: 0, end: 96)])
        #expect(paired.unterminated == [MIDINote(channel: 2, pitch: 64, velocity: 90, start: 0, end: 100)])
    }

    @Test func aNoteSwitchedOffAtItsStartIsKeptWithZeroLength() {
        let t = track([(5, .noteOn(channel: 0, note: 1, velocity: 1)), (5, .noteOff(channel: 0, note: 1, velocity: 0))])
        #expect(t.notes().notes == [MIDINote(channel: 0, pitch: 1, velocity: 1, start: 5, end: 5)])
    }

    @Test func theSmallFixtureHoldsThreeNotes() throws {
        let notes = try MIDIFile(bytes: Fixtures.smallFormat0).tracks[0].notes().notes
        #expect(notes.map { [Int($0.pitch), $0.start, $0.end] } == [[60, 0, 96], [64, 96, 192], [67, 192, 288]])
    }
}
