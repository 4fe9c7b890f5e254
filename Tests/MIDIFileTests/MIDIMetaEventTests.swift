import Testing
import MIDIFile

/// Meta events: each known kind decodes and encodes to the same bytes; unknown kinds and known kinds
/// with bytes that do not fit are kept raw.
struct MIDIMetaEventTests {
    static let cases: [([UInt8], MIDIMetaEvent)] = [
        ([0xFF, 0x00, 0x02, 0x00, 0x07], .sequenceNumber(7)),
        ([0xFF, 0x01, 0x02, 0x48, 0x69], .text(.text, [0x48, 0x69])),                  // "Hi"
        ([0xFF, 0x02, 0x01, 0xA9], .text(.copyright, [0xA9])),                         // Latin-1 ©
        ([0xFF, 0x03, 0x03, 0x46, 0x6F, 0x6F], .text(.trackName, [0x46, 0x6F, 0x6F])),  // "Foo"
        ([0xFF, 0x05, 0x00], .text(.lyric, [])),
        ([0xFF, 0x0F, 0x01, 0x78], .text(MIDITextKind(rawValue: 0x0F), [0x78])),
        ([0xFF, 0x20, 0x01, 0x09], .channelPrefix(9)),
        ([0xFF, 0x21, 0x01, 0x01], .port(1)),
        ([0xFF, 0x51, 0x03, 0x0F, 0x42, 0x40], .tempo(microsecondsPerQuarter: 1_000_000)),  // 60 per minute
        ([0xFF, 0x51, 0x03, 0x00, 0x00, 0x00], .tempo(microsecondsPerQuarter: 0)),          // 0: kept, written back
        ([0xFF, 0x54, 0x05, 0x60, 0x00, 0x03, 0x00, 0x00], .smpteOffset(hours: 0x60, minutes: 0, seconds: 3, frames: 0, hundredths: 0)),
        ([0xFF, 0x58, 0x04, 0x06, 0x03, 0x24, 0x08], .timeSignature(numerator: 6, denominatorPower: 3, clocksPerClick: 36, thirtySecondsPerQuarter: 8)),
        ([0xFF, 0x59, 0x02, 0xFD, 0x01], .keySignature(fifths: -3, isMinor: true)),   // C minor (3 flats)
        ([0xFF, 0x59, 0x02, 0x02, 0x00], .keySignature(fifths: 2, isMinor: false)),   // D major
        ([0xFF, 0x7F, 0x03, 0x00, 0x00, 0x41], .sequencerSpecific([0x00, 0x00, 0x41])),
        ([0xFF, 0x60, 0x01, 0x05], .raw(type: 0x60, data: [0x05])),                     // undefined type
        ([0xFF, 0x51, 0x04, 0x00, 0x07, 0xA1, 0x20], .raw(type: 0x51, data: [0x00, 0x07, 0xA1, 0x20])),  // tempo, 4 bytes
        ([0xFF, 0x59, 0x02, 0x00, 0x02], .raw(type: 0x59, data: [0x00, 0x02])),        // mode byte 2
        ([0xFF, 0x00, 0x00], .raw(type: 0x00, data: [])),                                // sequence number, no bytes
    ]

    @Test(arguments: cases.indices)
    func decodesAndEncodes(_ i: Int) throws {
        let (bytes, meta) = Self.cases[i]
        let fileBytes = Fixtures.header() + Fixtures.track([0x00] + bytes + Fixtures.endOfTrack)
        let file = try MIDIFile(bytes: fileBytes)
        #expect(file.tracks[0].events.first?.event == .meta(meta))
        #expect(try file.bytes() == fileBytes)
    }

    @Test func textDecodesAsUTF8ElseLatin1() {
        #expect(MIDITextKind.string(from: Array("Étude".utf8)) == "Étude")
        #expect(MIDITextKind.string(from: [0xC9, 0x74]) == "Ét")  // Latin-1 É, not valid UTF-8
    }

    @Test func writerRejectsATempoOver24Bits() {
        let file = MIDIFile(format: .singleTrack, division: .ticksPerQuarter(96), tracks: [
            MIDITrack(events: [.init(tick: 0, event: .meta(.tempo(microsecondsPerQuarter: 1 << 24)))]),
        ])
        #expect(throws: MIDIFileError.valueOutOfRange(track: 0, event: 0, field: "tempo (microseconds per quarter)",
                                                      value: 1 << 24, range: 0...0xFF_FFFF)) { try file.bytes() }
    }
}
