import Testing
import MIDIFile

/// The header and chunk walk: the small fixture read in full, and each malformed file rejected with the
/// byte offset (and track) where it goes wrong.
struct MIDIFileDecodeTests {
    @Test func readsTheSmallFormat0FixtureEventByEvent() throws {
        let file = try MIDIFile(bytes: Fixtures.smallFormat0)
        #expect(file.format == .singleTrack)
        #expect(file.division == .ticksPerQuarter(96))
        try #require(file.tracks.count == 1)
        let expected: [MIDITrackEvent] = [
            .init(tick: 0, event: .meta(.text(.trackName, Array("Tune".utf8)))),
            .init(tick: 0, event: .meta(.tempo(microsecondsPerQuarter: 500_000))),
            .init(tick: 0, event: .meta(.timeSignature(numerator: 3, denominatorPower: 2, clocksPerClick: 24,
                                                       thirtySecondsPerQuarter: 8))),
            .init(tick: 0, event: .noteOn(channel: 0, note: 60, velocity: 80)),
            .init(tick: 96, event: .noteOn(channel: 0, note: 60, velocity: 0)),
            .init(tick: 96, event: .noteOn(channel: 0, note: 64, velocity: 80)),
            .init(tick: 192, event: .noteOff(channel: 0, note: 64, velocity: 64)),
            .init(tick: 192, event: .noteOn(channel: 0, note: 67, velocity: 80)),
            .init(tick: 288, event: .noteOn(channel: 0, note: 67, velocity: 0)),
            .init(tick: 288, event: .meta(.endOfTrack)),
        ]
        #expect(file.tracks[0].events == expected)
        #expect(file.tracks[0].name == "Tune")
        #expect(file.tracks[0].deltaTimes == [0, 0, 0, 0, 96, 0, 96, 0, 96, 0])
    }

    /// (fixture, expected error) pairs: one per way a file can be malformed outside its tracks.
    static let malformed: [(String, [UInt8], MIDIFileError)] = [
        ("empty", [], .empty),
        ("text", Array("hello world".utf8), .notMIDI(found: [0x68, 0x65, 0x6C, 0x6C])),
        ("RIFF/RMID", [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0], .notMIDI(found: [0x52, 0x49, 0x46, 0x46])),
        ("two bytes", [0x4D, 0x54], .notMIDI(found: [0x4D, 0x54])),
        ("magic only", [0x4D, 0x54, 0x68, 0x64], .truncated(offset: 4, track: nil, reading: "the MThd chunk length")),
        ("header cut in the division", Array(Fixtures.header().prefix(13)),
         .chunkOverrunsFile(offset: 0, track: nil, declared: 6, available: 5)),
        ("header length 4", [0x4D, 0x54, 0x68, 0x64, 0, 0, 0, 4, 0, 1, 0, 1], .headerTooShort(offset: 4, length: 4)),
        ("format 3", Fixtures.header(format: 3) + Fixtures.track(Fixtures.endOfTrack), .unsupportedFormat(offset: 8, format: 3)),
        ("zero tracks", Fixtures.header(tracks: 0), .noTracks(offset: 10)),
        ("division 0", Fixtures.header(division: (0, 0)) + Fixtures.track(Fixtures.endOfTrack), .zeroDivision(offset: 12)),
        ("SMPTE 23 fps", Fixtures.header(division: (0xE9, 40)) + Fixtures.track(Fixtures.endOfTrack),
         .invalidSMPTEDivision(offset: 12, framesPerSecond: 23, ticksPerFrame: 40)),
        ("SMPTE 0 ticks per frame", Fixtures.header(division: (0xE7, 0)) + Fixtures.track(Fixtures.endOfTrack),
         .invalidSMPTEDivision(offset: 12, framesPerSecond: 25, ticksPerFrame: 0)),
        ("no track chunk after the header", Fixtures.header(), .missingTracks(offset: 14, declared: 1, found: 0)),
        ("second track missing", Fixtures.header(tracks: 2) + Fixtures.track(Fixtures.endOfTrack),
         .missingTracks(offset: 26, declared: 2, found: 1)),
        ("chunk header cut short", Fixtures.header() + [0x4D, 0x54, 0x72],
         .truncated(offset: 17, track: 0, reading: "a chunk header (id and length)")),
        ("track claims more bytes than the file holds", Fixtures.header() + Fixtures.track(Fixtures.endOfTrack, declaredLength: 100),
         .chunkOverrunsFile(offset: 14, track: 0, declared: 100, available: 4)),
        ("first track's length 4 bytes too long: the walk lands inside the next chunk header",
         Fixtures.header(tracks: 2) + Fixtures.track(Fixtures.endOfTrack, declaredLength: 8) + Fixtures.track(Fixtures.endOfTrack),
         .chunkOverrunsFile(offset: 30, track: nil, declared: 0x00FF_2F00, available: 0)),
        ("unknown chunk claims more bytes than the file holds", Fixtures.header() + [0x58, 0x46, 0x49, 0x48, 0, 0, 1, 0],
         .chunkOverrunsFile(offset: 14, track: nil, declared: 256, available: 0)),
    ]

    @Test(arguments: malformed.indices)
    func malformedFileIsRejectedWithItsOffset(_ i: Int) {
        let (name, bytes, expected) = Self.malformed[i]
        #expect(throws: expected, "\(name)") { try MIDIFile(bytes: bytes) }
        #expect(expected.offset != nil, "\(name): every reading error names a byte offset")
        #expect(expected.description.contains("byte"), "\(name): the message names the byte: \(expected.description)")
    }

    @Test func unknownChunksAndExtraHeaderBytesAreSkipped() throws {
        let bytes: [UInt8] = [
            0x4D, 0x54, 0x68, 0x64,  // "MThd"
            0x00, 0x00, 0x00, 0x08,  // header length 8: two bytes more than known
            0x00, 0x01,              // format 1
            0x00, 0x01,              // 1 track
            0x01, 0xE0,              // 480 ticks per quarter
            0xAB, 0xCD,              // the two extra header bytes: skipped
            0x58, 0x46, 0x49, 0x48,  // "XFIH": an unknown chunk
            0x00, 0x00, 0x00, 0x03,  // length 3
            0x01, 0x02, 0x03,        // its payload: skipped
        ] + Fixtures.track([
            0x00, 0xC0, 0x05,        // delta 0, program change channel 0 to program 5
        ] + Fixtures.endOfTrack) + [
            0x00, 0x00, 0x00,        // trailing junk after the last declared track: ignored
        ]
        let file = try MIDIFile(bytes: bytes)
        #expect(file.tracks.count == 1)
        #expect(file.tracks[0].events.map(\.event) == [.programChange(channel: 0, program: 5), .meta(.endOfTrack)])
    }

    @Test func smpteDivisionIsReadAndKept() throws {
        // 0xE7 = -25 as a signed byte: 25 frames per second; 0x28 = 40 ticks per frame.
        let file = try MIDIFile(bytes: Fixtures.header(division: (0xE7, 0x28)) + Fixtures.track(Fixtures.endOfTrack))
        #expect(file.division == .smpte(framesPerSecond: 25, ticksPerFrame: 40))
        #expect(file.division.ticksPerQuarter == nil)
        #expect(try file.bytes()[12..<14] == [0xE7, 0x28])
    }

    @Test func format2IsReadWithEachTrackFromTickZero() throws {
        let file = try MIDIFile(bytes: Fixtures.header(format: 2, tracks: 2)
            + Fixtures.track([0x10, 0x90, 0x3C, 0x40, 0x10, 0x3C, 0x00] + Fixtures.endOfTrack)
            + Fixtures.track([0x20, 0x90, 0x3E, 0x40, 0x10, 0x3E, 0x00] + Fixtures.endOfTrack))
        #expect(file.format == .multiSequence)
        #expect(file.tracks.map { $0.notes().notes.first?.start } == [16, 32])
    }

    @Test func everyPrefixOfAValidFileIsReadOrRejectedCleanly() {
        // Cutting the file anywhere must give an error with an offset inside the input, never a trap.
        for length in 0..<Fixtures.smallFormat0.count - 2 {
            do {
                _ = try MIDIFile(bytes: Array(Fixtures.smallFormat0.prefix(length)))
                Issue.record("a prefix of \(length) bytes should not parse")
            } catch {
                #expect(error.offset.map { $0 <= length } == true, "prefix \(length): \(error)")
            }
        }
    }

    @Test func randomCorruptionNeverTrapsOrHangs() {
        // Randomised: flip bytes of the fixture under 500 seeds; each read must end with a file or an error.
        for seed in 0..<500 {
            var rng = SplitMix64(seed: UInt64(seed))
            var bytes = Fixtures.smallFormat0
            for _ in 0..<(1 + Int(rng.next() % 4)) {
                bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next())
            }
            do {
                let file = try MIDIFile(bytes: bytes)
                #expect(!file.tracks.isEmpty, "seed \(seed)")
            } catch {
                #expect(error.offset != nil, "seed \(seed): \(error)")
            }
        }
    }
}

/// A small seeded generator (SplitMix64) so randomised tests name the seed that failed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
