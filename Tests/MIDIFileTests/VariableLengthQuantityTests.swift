import Testing
import MIDIFile

/// The VLQ table from the SMF 1.0 specification, both ways (decoding goes through a delta time).
struct VariableLengthQuantityTests {
    static let table: [(Int, [UInt8])] = [
        (0x00, [0x00]), (0x40, [0x40]), (0x7F, [0x7F]), (0x80, [0x81, 0x00]), (0x2000, [0xC0, 0x00]),
        (0x3FFF, [0xFF, 0x7F]), (0x4000, [0x81, 0x80, 0x00]), (0x10_0000, [0xC0, 0x80, 0x00]),
        (0x1F_FFFF, [0xFF, 0xFF, 0x7F]), (0x20_0000, [0x81, 0x80, 0x80, 0x00]),
        (0x800_0000, [0xC0, 0x80, 0x80, 0x00]), (0xFFF_FFFF, [0xFF, 0xFF, 0xFF, 0x7F]),
    ]

    @Test(arguments: table.indices)
    func encodesAndDecodesTheSpecTable(_ i: Int) throws {
        let (value, bytes) = Self.table[i]
        #expect(VariableLengthQuantity.encoded(value) == bytes)
        let file = try MIDIFile(bytes: Fixtures.header() + Fixtures.track(bytes + [0xFF, 0x2F, 0x00]))
        #expect(file.tracks[0].events.first?.tick == value)
    }

    @Test func writerRejectsADeltaOverFourBytes() {
        let file = MIDIFile(format: .singleTrack, division: .ticksPerQuarter(96), tracks: [
            MIDITrack(events: [.init(tick: VariableLengthQuantity.maximum + 1, event: .meta(.endOfTrack))]),
        ])
        #expect(throws: MIDIFileError.valueOutOfRange(track: 0, event: 0, field: "delta time",
                                                      value: 0x1000_0000, range: 0...0xFFF_FFFF)) { try file.bytes() }
    }
}
