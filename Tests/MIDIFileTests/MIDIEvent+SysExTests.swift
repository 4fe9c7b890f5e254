import Testing
import MIDIFile

/// F0 sysex and F7 escape events are kept byte for byte, including sysex split into packets.
struct MIDIEventSysExTests {
    @Test func sysExAndEscapePacketsRoundTrip() throws {
        let payload: [UInt8] = [
            0x00, 0xF0,              // delta 0, sysex
            0x05,                    // length 5
            0x7E, 0x7F, 0x09, 0x01,  // GM System On ...
            0xF7,                    // ... closed by F7 (part of the payload)
            0x00, 0xF0,              // delta 0, sysex, first packet of a split message
            0x02, 0x43, 0x12,        // length 2, no closing F7
            0x10, 0xF7,              // delta 16, escape: continuation packet
            0x02, 0x00, 0xF7,        // length 2, ends with F7
            0x00, 0xF7,              // delta 0, escape carrying a real-time byte
            0x01, 0xFA,              // length 1: "start"
        ] + Fixtures.endOfTrack
        let bytes = Fixtures.header() + Fixtures.track(payload)
        let file = try MIDIFile(bytes: bytes)
        #expect(file.tracks[0].events.map(\.event) == [
            .sysEx(data: [0x7E, 0x7F, 0x09, 0x01, 0xF7]),
            .sysEx(data: [0x43, 0x12]),
            .sysExEscape(data: [0x00, 0xF7]),
            .sysExEscape(data: [0xFA]),
            .meta(.endOfTrack),
        ])
        #expect(file.tracks[0].events.map(\.tick) == [0, 0, 16, 16, 16])
        #expect(try file.bytes() == bytes)
    }

    @Test func longSysExUsesAMultiByteLength() throws {
        let data = [UInt8](repeating: 0x11, count: 200) + [0xF7]
        let file = MIDIFile(format: .singleTrack, division: .ticksPerQuarter(96),
                            tracks: [MIDITrack(events: [.init(tick: 0, event: .sysEx(data: data))])])
        let bytes = try file.bytes()
        #expect(bytes[22...25] == [0x00, 0xF0, 0x81, 0x49])  // delta 0, F0, VLQ 201 = 81 49
        #expect(try MIDIFile(bytes: bytes).tracks[0].events.first?.event == .sysEx(data: data))
    }
}
