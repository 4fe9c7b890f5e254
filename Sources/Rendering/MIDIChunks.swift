/// A structural check of Standard MIDI File bytes, done before FluidSynth sees them: FluidSynth's
/// player skips a file it cannot parse without reporting it, and often without logging a reason.
///
/// Only the chunk layout is checked (header chunk, then chunks whose declared lengths fit the data);
/// the events inside tracks are left to FluidSynth, whose error messages are captured during rendering.
enum MIDIChunks {
    /// Throws `RenderError.notAMIDIFile` or `.midiMalformed` (with the byte offset) for bad layouts.
    static func validate(_ bytes: [UInt8], source: String) throws {
        guard bytes.starts(with: Array("MThd".utf8)) else { throw RenderError.notAMIDIFile(source: source) }
        guard bytes.count >= 14 else {
            throw RenderError.midiMalformed(source: source, byteOffset: bytes.count,
                                            detail: "the header chunk needs 14 bytes, the data ends after \(bytes.count)")
        }
        let headerLength = readUInt32(bytes, at: 4)
        guard headerLength >= 6 else {
            throw RenderError.midiMalformed(source: source, byteOffset: 4, detail: "header length \(headerLength), expected 6")
        }
        let declaredTracks = Int(bytes[10]) << 8 | Int(bytes[11])
        var offset = 8 + headerLength
        var tracks = 0
        while offset < bytes.count {
            guard offset + 8 <= bytes.count else {
                throw RenderError.midiMalformed(source: source, byteOffset: offset,
                                                detail: "a chunk header needs 8 bytes, only \(bytes.count - offset) remain")
            }
            let length = readUInt32(bytes, at: offset + 4)
            let isTrack = bytes[offset..<offset + 4].elementsEqual("MTrk".utf8)
            guard offset + 8 + length <= bytes.count else {
                let what = isTrack ? "track \(tracks + 1)" : "a chunk"
                throw RenderError.midiMalformed(source: source, byteOffset: offset,
                                                detail: "\(what) declares \(length) bytes but only \(bytes.count - offset - 8) remain")
            }
            if isTrack { tracks += 1 }
            offset += 8 + length
        }
        guard tracks >= declaredTracks else {
            throw RenderError.midiMalformed(source: source, byteOffset: bytes.count,
                                            detail: "the header declares \(declaredTracks) tracks, the data holds \(tracks)")
        }
    }

    private static func readUInt32(_ bytes: [UInt8], at offset: Int) -> Int {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
    }
}
