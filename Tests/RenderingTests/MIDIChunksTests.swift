import Testing
@testable import Rendering

@Suite struct MIDIChunksTests {
    @Test func wellFormedFixturesPass() throws {
        try MIDIChunks.validate(Fixtures.oneNoteAfterHalfSecond, source: "a")
        try MIDIChunks.validate(Fixtures.noteThenLongRest, source: "b")
    }

    @Test func headerCutShortNamesTheEnd() {
        #expect(throws: RenderError.midiMalformed(source: "h", byteOffset: 10,
                                                  detail: "the header chunk needs 14 bytes, the data ends after 10")) {
            try MIDIChunks.validate(Array(Fixtures.oneNoteAfterHalfSecond.prefix(10)), source: "h")
        }
    }

    @Test func strayBytesAfterTheLastChunkAreMalformed() {
        let bytes = Fixtures.oneNoteAfterHalfSecond + [0x00, 0x01]
        #expect(throws: RenderError.midiMalformed(source: "s", byteOffset: 46,
                                                  detail: "a chunk header needs 8 bytes, only 2 remain")) {
            try MIDIChunks.validate(bytes, source: "s")
        }
    }

    @Test func missingTrackIsMalformed() {
        var bytes = Fixtures.oneNoteAfterHalfSecond
        bytes[11] = 0x02  // the header now declares 2 tracks; the data holds 1
        #expect(throws: RenderError.midiMalformed(source: "t", byteOffset: 46,
                                                  detail: "the header declares 2 tracks, the data holds 1")) {
            try MIDIChunks.validate(bytes, source: "t")
        }
    }
}
