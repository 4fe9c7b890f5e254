import Testing
import MIDIFile

/// Every channel message: its bytes decode to the event, and the event encodes to the same bytes.
struct MIDIEventChannelTests {
    static let cases: [([UInt8], MIDIEvent)] = [
        ([0x83, 0x3C, 0x40], .noteOff(channel: 3, note: 60, velocity: 64)),          // 8n key vel
        ([0x9F, 0x7F, 0x7F], .noteOn(channel: 15, note: 127, velocity: 127)),        // 9n key vel
        ([0x90, 0x00, 0x00], .noteOn(channel: 0, note: 0, velocity: 0)),            // velocity 0 kept as read
        ([0xA1, 0x3C, 0x22], .polyphonicPressure(channel: 1, note: 60, pressure: 34)),  // An key pressure
        ([0xB2, 0x07, 0x64], .controlChange(channel: 2, controller: 7, value: 100)),  // Bn controller value
        ([0xB0, 0x7B, 0x00], .controlChange(channel: 0, controller: 123, value: 0)),  // all notes off (mode message)
        ([0xC9, 0x00], .programChange(channel: 9, program: 0)),                     // Cn program
        ([0xD4, 0x50], .channelPressure(channel: 4, pressure: 80)),                 // Dn pressure
        ([0xE0, 0x00, 0x40], .pitchBend(channel: 0, value: 8192)),                  // En LSB MSB: centre
        ([0xE5, 0x7F, 0x7F], .pitchBend(channel: 5, value: 16383)),                 // full up
        ([0xE5, 0x01, 0x00], .pitchBend(channel: 5, value: 1)),                     // LSB first
    ]

    @Test(arguments: cases.indices)
    func decodesAndEncodes(_ i: Int) throws {
        let (bytes, event) = Self.cases[i]
        let fileBytes = Fixtures.header() + Fixtures.track([0x00] + bytes + Fixtures.endOfTrack)
        let file = try MIDIFile(bytes: fileBytes)
        #expect(file.tracks[0].events.first?.event == event)
        #expect(event.channel == bytes[0] & 0x0F)
        #expect(try file.bytes() == fileBytes)
    }

    static let outOfRange: [(MIDIEvent, String, Int)] = [
        (.noteOn(channel: 16, note: 60, velocity: 1), "channel", 16),
        (.noteOn(channel: 0, note: 128, velocity: 1), "note", 128),
        (.noteOff(channel: 0, note: 60, velocity: 200), "velocity", 200),
        (.controlChange(channel: 0, controller: 130, value: 0), "controller", 130),
        (.programChange(channel: 0, program: 128), "program", 128),
        (.pitchBend(channel: 0, value: 16384), "pitch bend", 16384),
    ]

    @Test(arguments: outOfRange.indices)
    func writerRejectsValuesTheFormatCannotHold(_ i: Int) {
        let (event, field, value) = Self.outOfRange[i]
        let file = MIDIFile(format: .singleTrack, division: .ticksPerQuarter(480),
                            tracks: [MIDITrack(events: [.init(tick: 0, event: event)])])
        #expect(throws: MIDIFileError.self) { try file.bytes() }
        do {
            _ = try file.bytes()
        } catch {
            guard case .valueOutOfRange(0, 0, let f, let v, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(f == field && v == value)
        }
    }
}
