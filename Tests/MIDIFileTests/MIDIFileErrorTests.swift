import Testing
import MIDIFile

/// Error messages: exact text for a few cases, and every reading error names its place.
struct MIDIFileErrorTests {
    @Test func messagesSayWhatWhereAndWhatToDo() {
        #expect(MIDIFileError.runningStatusWithoutStatus(offset: 23, track: 0, byte: 0x3C).description
            == "byte 23, track 0: data byte 0x3C uses running status, but no channel status byte came before it in this track")
        #expect(MIDIFileError.zeroDivision(offset: 12).description
            == "byte 12: the division is 0 ticks per quarter note, so no time can be computed; it must be 1...32767")
        #expect(MIDIFileError.notMIDI(found: [0x52, 0x49, 0x46, 0x46]).description.hasPrefix(
            "byte 0: not a Standard MIDI File (starts with 0x52 0x49 0x46 0x46, expected 'MThd'"))
        #expect(MIDIFileError.eventsOutOfOrder(track: 2, event: 5, tick: 10, previousTick: 20).description
            == "track 2, event 5: tick 10 comes before the previous event's tick 20; sort the events by tick")
    }

    @Test func offsetAndTrackAccessors() {
        #expect(MIDIFileError.eventOverrunsTrack(offset: 40, track: 3, chunkEnd: 44).offset == 40)
        #expect(MIDIFileError.eventOverrunsTrack(offset: 40, track: 3, chunkEnd: 44).track == 3)
        #expect(MIDIFileError.noTracks(offset: 10).track == nil)
        #expect(MIDIFileError.empty.offset == 0)
        #expect(MIDIFileError.multipleSequences(count: 2).offset == nil)
    }
}
