import Testing
import MIDIFile

/// The event loop inside one MTrk chunk: running status, delta times, and every way a track can be
/// malformed, each with its byte offset and track. Track payloads start at byte 22 (14-byte header +
/// 8-byte chunk header) in the single-track files here.
struct MIDITrackDecodeTests {
    func read(_ payload: [UInt8], tracksBefore: Int = 0) throws(MIDIFileError) -> MIDIFile {
        let others = (0..<tracksBefore).flatMap { _ in Fixtures.track(Fixtures.endOfTrack) }
        return try MIDIFile(bytes: Fixtures.header(tracks: UInt8(tracksBefore + 1)) + others + Fixtures.track(payload))
    }

    @Test func deltaTimesOfOneToFourBytesAddUp() throws {
        let file = try read([
            0x7F,                    // delta 127 (1 byte)
            0x90, 0x3C, 0x40,        // note on C4
            0x81, 0x00,              // delta 128 (2 bytes)
            0x3C, 0x00,              // running status: C4 off
            0xFF, 0x7F,              // delta 16,383 (2 bytes)
            0x3C, 0x40,              // C4 on
            0x81, 0x80, 0x00,        // delta 16,384 (3 bytes)
            0x3C, 0x00,              // C4 off
            0xFF, 0xFF, 0xFF, 0x7F,  // delta 268,435,455 (4 bytes, the largest)
            0xFF, 0x2F, 0x00,        // end of track
        ])
        #expect(file.tracks[0].events.map(\.tick) == [127, 255, 16_638, 33_022, 33_022 + 268_435_455])
    }

    @Test func runningStatusSurvivesMetaAndSysExEvents() throws {
        // Forgiving: the spec says meta and sysex cancel running status; we keep it (see README).
        let file = try read([
            0x00, 0x91, 0x3C, 0x40,        // note on, channel 1
            0x00, 0xFF, 0x01, 0x01, 0x41,  // meta text "A"
            0x00, 0x3E, 0x40,              // data byte: running status 0x91 still applies
            0x00, 0xF0, 0x01, 0xF7,        // sysex, 1 byte
            0x00, 0x3C, 0x00,              // running status again
        ] + Fixtures.endOfTrack)
        let events = file.tracks[0].events.map(\.event)
        #expect(events[2] == .noteOn(channel: 1, note: 62, velocity: 64))
        #expect(events[4] == .noteOn(channel: 1, note: 60, velocity: 0))
    }

    @Test func aTrackWithoutEndOfTrackIsAcceptedAndBytesAfterItAreIgnored() throws {
        let open = try read([0x00, 0xC3, 0x10])  // program change, no end of track
        #expect(open.tracks[0].events.map(\.event) == [.programChange(channel: 3, program: 16)])
        let padded = try read(Fixtures.endOfTrack + [0x00, 0x90])  // junk after end of track
        #expect(padded.tracks[0].events.map(\.event) == [.meta(.endOfTrack)])
    }

    static let malformed: [(String, [UInt8], MIDIFileError)] = [
        ("running status with no status", [0x00, 0x3C, 0x40],
         .runningStatusWithoutStatus(offset: 23, track: 0, byte: 0x3C)),
        ("delta time over 4 bytes", [0x80, 0x80, 0x80, 0x80, 0x00, 0xFF, 0x2F, 0x00],
         .variableLengthQuantityTooLong(offset: 22, track: 0)),
        ("meta length over 4 bytes", [0x00, 0xFF, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F],
         .variableLengthQuantityTooLong(offset: 25, track: 0)),
        ("status byte where the second data byte belongs", [0x00, 0x90, 0x3C, 0x80, 0x3C, 0x00],
         .unexpectedStatusByte(offset: 25, track: 0, byte: 0x80)),
        ("status byte where the first data byte belongs", [0x00, 0xB0, 0xC0, 0x01],
         .unexpectedStatusByte(offset: 24, track: 0, byte: 0xC0)),
        ("MIDI clock byte in a file", [0x00, 0xF8], .undefinedStatusByte(offset: 23, track: 0, byte: 0xF8)),
        ("song position byte in a file", [0x00, 0xF2, 0x00, 0x00], .undefinedStatusByte(offset: 23, track: 0, byte: 0xF2)),
        ("note on cut by the chunk end", [0x00, 0x90, 0x3C], .eventOverrunsTrack(offset: 22, track: 0, chunkEnd: 25)),
        ("delta time cut by the chunk end", [0x00, 0xC0, 0x01, 0x81], .eventOverrunsTrack(offset: 25, track: 0, chunkEnd: 26)),
        ("meta payload longer than the chunk", [0x00, 0xFF, 0x03, 0x10, 0x41], .eventOverrunsTrack(offset: 22, track: 0, chunkEnd: 27)),
        ("sysex payload longer than the chunk", [0x00, 0xF0, 0x05, 0x41, 0xF7], .eventOverrunsTrack(offset: 22, track: 0, chunkEnd: 27)),
        ("tempo with its bytes cut", [0x00, 0xFF, 0x51, 0x03, 0x07], .eventOverrunsTrack(offset: 22, track: 0, chunkEnd: 27)),
    ]

    @Test(arguments: malformed.indices)
    func malformedTrackIsRejectedWithOffsetAndTrack(_ i: Int) {
        let (name, payload, expected) = Self.malformed[i]
        #expect(throws: expected, "\(name)") { try read(payload) }
        #expect(expected.track == 0 && expected.offset != nil, "\(name)")
        #expect(expected.description.hasPrefix("byte \(expected.offset!), track 0:"), "\(name): \(expected.description)")
    }

    @Test func errorsInALaterTrackNameThatTrack() {
        // Two good tracks (12 bytes each) come first, so the third track's payload starts at byte 46.
        #expect(throws: MIDIFileError.runningStatusWithoutStatus(offset: 47, track: 2, byte: 0x3C)) {
            try read([0x00, 0x3C, 0x40], tracksBefore: 2)
        }
    }
}
