/// Hand-made byte fixtures, written for these tests (not taken from any file); every byte is commented.
enum Fixtures {
    /// A format 0 file, 96 ticks per quarter: track name, tempo, 3/4 time, one bar of C-E-G using
    /// running status and a note-on with velocity 0 as note-off, end of track.
    static let smallFormat0: [UInt8] = [
        0x4D, 0x54, 0x68, 0x64,  // "MThd"
        0x00, 0x00, 0x00, 0x06,  // header length 6
        0x00, 0x00,              // format 0
        0x00, 0x01,              // 1 track
        0x00, 0x60,              // division: 96 ticks per quarter note
        0x4D, 0x54, 0x72, 0x6B,  // "MTrk"                                     (offset 14)
        0x00, 0x00, 0x00, 0x32,  // track length 50                             (payload 22...71)
        0x00,                    // delta 0                                     (offset 22)
        0xFF, 0x03, 0x04,        // meta: track name, 4 bytes
        0x54, 0x75, 0x6E, 0x65,  // "Tune"
        0x00,                    // delta 0                                     (offset 30)
        0xFF, 0x51, 0x03,        // meta: tempo, 3 bytes
        0x07, 0xA1, 0x20,        // 500,000 µs per quarter = 120 per minute
        0x00,                    // delta 0                                     (offset 37)
        0xFF, 0x58, 0x04,        // meta: time signature, 4 bytes
        0x03, 0x02, 0x18, 0x08,  // 3 / 2^2, 24 clocks per click, 8 32nds per quarter
        0x00,                    // delta 0                                     (offset 45)
        0x90, 0x3C, 0x50,        // note on, channel 0, C4 (60), velocity 80
        0x60,                    // delta 96                                    (offset 49)
        0x3C, 0x00,              // running status 0x90: C4 velocity 0 = note off
        0x00,                    // delta 0                                     (offset 52)
        0x40, 0x50,              // running status: note on E4 (64), velocity 80
        0x60,                    // delta 96                                    (offset 55)
        0x80, 0x40, 0x40,        // note off, channel 0, E4, release velocity 64
        0x00,                    // delta 0                                     (offset 59)
        0x90, 0x43, 0x50,        // note on, channel 0, G4 (67), velocity 80
        0x60,                    // delta 96                                    (offset 63)
        0x43, 0x00,              // running status 0x90: G4 velocity 0 = note off
        0x00,                    // delta 0                                     (offset 66)
        0xFF, 0x2F, 0x00,        // meta: end of track                          (ends at 69)
        0x00, 0x00,              // two padding bytes inside the chunk, after end of track: ignored
    ]

    /// The 14-byte header of a format 1 file with `tracks` tracks at 480 ticks per quarter.
    static func header(format: UInt8 = 1, tracks: UInt8 = 1, division: (UInt8, UInt8) = (0x01, 0xE0)) -> [UInt8] {
        [0x4D, 0x54, 0x68, 0x64,  // "MThd"
         0x00, 0x00, 0x00, 0x06,  // header length 6
         0x00, format,            // format
         0x00, tracks,            // track count
         division.0, division.1]  // division (default 0x01E0 = 480 ticks per quarter)
    }

    /// An MTrk chunk header ("MTrk" + 4-byte big-endian length) followed by `payload`.
    static func track(_ payload: [UInt8], declaredLength: Int? = nil) -> [UInt8] {
        let n = declaredLength ?? payload.count
        return [0x4D, 0x54, 0x72, 0x6B,  // "MTrk"
                UInt8(n >> 24 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)]  // length
            + payload
    }

    /// End of track: delta 0, FF 2F 00.
    static let endOfTrack: [UInt8] = [0x00, 0xFF, 0x2F, 0x00]
}
