import Foundation
@testable import Rendering

/// Test data shared by the Rendering tests. Every byte below was written by hand for these tests.
enum Fixtures {
    /// Seconds from the start of `oneNoteAfterHalfSecond` to its note-on: 480 ticks at 480 ticks per
    /// quarter and 500 000 µs per quarter.
    static let firstNoteSeconds = 0.5
    /// Seconds from the start to the note-off (and end of track).
    static let noteOffSeconds = 1.0

    /// A format-0 Standard MIDI File: half a second of silence, then middle C on a piano for half a second.
    static let oneNoteAfterHalfSecond: [UInt8] = [
        0x4D, 0x54, 0x68, 0x64,  // "MThd": header chunk
        0x00, 0x00, 0x00, 0x06,  // header length 6
        0x00, 0x00,              // format 0 (one track)
        0x00, 0x01,              // 1 track
        0x01, 0xE0,              // division: 480 ticks per quarter note
        0x4D, 0x54, 0x72, 0x6B,  // "MTrk": track chunk
        0x00, 0x00, 0x00, 0x18,  // track length 24 bytes (7 + 3 + 5 + 5 + 4)
        0x00,                    // delta 0
        0xFF, 0x51, 0x03,        // meta: set tempo, 3 data bytes
        0x07, 0xA1, 0x20,        // 500 000 µs per quarter (120 bpm)
        0x00,                    // delta 0
        0xC0, 0x00,              // program change, channel 1: program 0 (Acoustic Grand Piano)
        0x83, 0x60,              // delta 480 ticks (variable-length: 0x83 0x60 = 3·128 + 96) = 0.5 s
        0x90, 0x3C, 0x64,        // note on, channel 1: key 60 (middle C), velocity 100
        0x83, 0x60,              // delta 480 ticks = 0.5 s
        0x80, 0x3C, 0x40,        // note off, channel 1: key 60, velocity 64
        0x00,                    // delta 0
        0xFF, 0x2F, 0x00,        // meta: end of track
    ]

    /// Seconds at which `noteThenLongRest` ends: its end-of-track comes 2 s after the note-off.
    static let longRestEndSeconds = 3.0

    /// Like `oneNoteAfterHalfSecond`, but the end of track is 4 quarters (2 s) after the note-off:
    /// a closing rest that the render must keep.
    static let noteThenLongRest: [UInt8] = [
        0x4D, 0x54, 0x68, 0x64,  // "MThd"
        0x00, 0x00, 0x00, 0x06,  // header length 6
        0x00, 0x00,              // format 0
        0x00, 0x01,              // 1 track
        0x01, 0xE0,              // 480 ticks per quarter
        0x4D, 0x54, 0x72, 0x6B,  // "MTrk"
        0x00, 0x00, 0x00, 0x19,  // track length 25 bytes (7 + 3 + 5 + 5 + 5)
        0x00, 0xFF, 0x51, 0x03,  // delta 0, set tempo, 3 bytes
        0x07, 0xA1, 0x20,        // 500 000 µs per quarter
        0x00, 0xC0, 0x00,        // delta 0, program change channel 1 to piano
        0x83, 0x60,              // delta 480 = 0.5 s
        0x90, 0x3C, 0x64,        // note on middle C, velocity 100
        0x83, 0x60,              // delta 480 = 0.5 s
        0x80, 0x3C, 0x40,        // note off middle C
        0x8F, 0x00,              // delta 1920 ticks (15·128 + 0) = 4 quarters = 2 s of rest
        0xFF, 0x2F, 0x00,        // end of track
    ]

    /// A header that promises a 24-byte track, followed by only 6 bytes of it: truncated data.
    static let truncated: [UInt8] = Array(oneNoteAfterHalfSecond.prefix(28))

    /// The small SoundFont the tests render with (Debian package timgm6mb-soundfont, a dependency of
    /// libfluidsynth3; GPL-2, Tim Brechbill). It loads in about 0.04 s.
    static let soundFontPath = "/usr/share/sounds/sf2/TimGM6mb.sf2"

    /// A real MIDI file from melanchall/drywetmidi's test resources (see /work/shared/midi-samples/README.md):
    /// one oboe track; mido 1.3.3 reports its first note-on at 0.873 s and its end at 4.706 s.
    static let oboeMIDIPath = "/work/shared/midi-samples/drywetmidi-valid/SingleTrack/Small/068Oboe.mid"
    static let oboeFirstNoteSeconds = 0.873
    static let oboeEndSeconds = 4.706

    static func renderer(_ options: RenderOptions = RenderOptions()) throws -> MIDIRenderer {
        try MIDIRenderer(soundFont: SoundFont(path: soundFontPath, origin: "test"), options: options)
    }

    /// A fresh, empty temporary folder, removed by the caller with `removeItem`.
    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "tunesmith-rendering-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
