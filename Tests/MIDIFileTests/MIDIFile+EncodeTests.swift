import Testing
import MIDIFile

/// The writer: exact bytes (running status, end of track), its errors, and read -> write -> read over
/// randomly generated files.
struct MIDIFileEncodeTests {
    @Test func writesRunningStatusAndResetsItAfterMetaEvents() throws {
        let file = MIDIFile(format: .singleTrack, division: .ticksPerQuarter(96), tracks: [MIDITrack(events: [
            .init(tick: 0, event: .noteOn(channel: 0, note: 60, velocity: 80)),
            .init(tick: 96, event: .noteOn(channel: 0, note: 60, velocity: 0)),
            .init(tick: 96, event: .meta(.text(.marker, [0x42]))),
            .init(tick: 96, event: .noteOn(channel: 0, note: 62, velocity: 80)),
            .init(tick: 192, event: .noteOff(channel: 0, note: 62, velocity: 0)),
        ])])
        let expected: [UInt8] = [
            0x4D, 0x54, 0x68, 0x64, 0, 0, 0, 6,  // "MThd", length 6
            0x00, 0x00, 0x00, 0x01, 0x00, 0x60,  // format 0, 1 track, 96 ticks per quarter
            0x4D, 0x54, 0x72, 0x6B, 0, 0, 0, 24,  // "MTrk", length 24
            0x00, 0x90, 0x3C, 0x50,              // delta 0, note on C4 80
            0x60, 0x3C, 0x00,                    // delta 96, running status: C4 velocity 0
            0x00, 0xFF, 0x06, 0x01, 0x42,        // delta 0, marker "B" (resets running status)
            0x00, 0x90, 0x3E, 0x50,              // delta 0, status written again: note on D4 80
            0x60, 0x80, 0x3E, 0x00,              // delta 96, note off stays 0x80
            0x00, 0xFF, 0x2F, 0x00,              // end of track, added by the writer
        ]
        #expect(try file.bytes() == expected)
    }

    @Test func rereadingTheFixtureGivesTheSameBytesMinusPadding() throws {
        let file = try MIDIFile(bytes: Fixtures.smallFormat0)
        let written = try file.bytes()
        // The fixture's two padding bytes after end of track are the only difference (its length drops by 2).
        var expected = Array(Fixtures.smallFormat0.dropLast(2))
        expected[21] = 48
        #expect(written == expected)
    }

    @Test func writerErrorsNameTrackAndEvent() {
        func file(_ events: [MIDITrackEvent]) -> MIDIFile {
            MIDIFile(format: .multiTrack, division: .ticksPerQuarter(480),
                     tracks: [MIDITrack(events: []), MIDITrack(events: events)])
        }
        #expect(throws: MIDIFileError.eventsOutOfOrder(track: 1, event: 1, tick: 5, previousTick: 10)) {
            try file([.init(tick: 10, event: .programChange(channel: 0, program: 1)),
                      .init(tick: 5, event: .programChange(channel: 0, program: 2))]).bytes()
        }
        #expect(throws: MIDIFileError.endOfTrackBeforeLastEvent(track: 1, event: 0)) {
            try file([.init(tick: 0, event: .meta(.endOfTrack)),
                      .init(tick: 5, event: .programChange(channel: 0, program: 2))]).bytes()
        }
        #expect(throws: MIDIFileError.trackCountOutOfRange(0)) {
            try MIDIFile(format: .singleTrack, division: .ticksPerQuarter(480), tracks: []).bytes()
        }
        #expect(throws: MIDIFileError.valueOutOfRange(track: 0, event: 0, field: "ticks per quarter note", value: 0x8000, range: 1...0x7FFF)) {
            try MIDIFile(format: .singleTrack, division: .ticksPerQuarter(0x8000), tracks: [MIDITrack()]).bytes()
        }
    }

    /// A random event of any kind (values in range), from `rng`.
    static func randomEvent(_ rng: inout SplitMix64) -> MIDIEvent {
        func u7() -> UInt8 { UInt8(rng.next() % 128) }
        let c = UInt8(rng.next() % 16)
        switch rng.next() % 12 {
        case 0: return .noteOff(channel: c, note: u7(), velocity: u7())
        case 1, 2, 3: return .noteOn(channel: c, note: u7(), velocity: u7())
        case 4: return .polyphonicPressure(channel: c, note: u7(), pressure: u7())
        case 5: return .controlChange(channel: c, controller: u7(), value: u7())
        case 6: return .programChange(channel: c, program: u7())
        case 7: return .channelPressure(channel: c, pressure: u7())
        case 8: return .pitchBend(channel: c, value: UInt16(rng.next() % 16384))
        case 9: return .sysEx(data: (0..<Int(rng.next() % 300)).map { _ in u7() } + [0xF7])
        case 10: return .meta(.tempo(microsecondsPerQuarter: 1 + Int(rng.next() % 0xFF_FFFF)))
        default: return .meta(.text(MIDITextKind(rawValue: UInt8(1 + rng.next() % 15)), (0..<Int(rng.next() % 200)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }))
        }
    }

    @Test func randomFilesSurviveWriteReadWrite() throws {
        for seed in 0..<100 {
            var rng = SplitMix64(seed: UInt64(seed))
            let tracks = (0..<(1 + Int(rng.next() % 4))).map { _ in
                var tick = 0
                var events = (0..<Int(rng.next() % 200)).map { _ -> MIDITrackEvent in
                    // Mostly small gaps, sometimes a delta of 2 to 4 VLQ bytes.
                    tick += rng.next() % 5 == 0 ? Int(rng.next() % 0x20_0000) : Int(rng.next() % 100)
                    return MIDITrackEvent(tick: tick, event: Self.randomEvent(&rng))
                }
                events.append(MIDITrackEvent(tick: tick, event: .meta(.endOfTrack)))
                return MIDITrack(events: events)
            }
            let file = MIDIFile(format: .multiTrack, division: .ticksPerQuarter(1 + Int(rng.next() % 0x7FFF)), tracks: tracks)
            let bytes = try file.bytes()
            let reread = try MIDIFile(bytes: bytes)
            #expect(reread == file, "seed \(seed)")
            #expect(try reread.bytes() == bytes, "seed \(seed)")
        }
    }
}
