// Reading a whole file: the MThd header, then the chunks.
//
//   "MThd" <length: 4 bytes, ≥ 6> <format: 2> <track count: 2> <division: 2> [extra header bytes, skipped]
//   then chunks: <id: 4 bytes> <length: 4 bytes> <payload>; "MTrk" chunks are tracks, any other id is skipped.
//
// Forgiveness rules (also in README.md):
// - Unknown chunk types are skipped by their length, as the spec asks; so are extra MThd bytes beyond 6.
// - Exactly the declared number of MTrk chunks is read; bytes after the last of them (padding, junk,
//   extra chunks) are ignored. Fewer MTrk chunks than declared is an error.
// - Format 0 with more than one track is read as it is.
// - Format 2 is read like format 1 (each track's ticks start at 0); only the Score conversion refuses it.
// - SMPTE division is read and kept; only the Score conversion refuses it.

extension MIDIFile {
    /// Reads a Standard MIDI File from its bytes.
    ///
    /// Throws a `MIDIFileError` naming the byte offset (and track) of the first problem; never traps.
    public init(bytes: [UInt8]) throws(MIDIFileError) {
        // withUnsafeBytes rethrows untyped errors, so the result travels out as a Result.
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(MIDIFileError) -> MIDIFile in try MIDIFile(bytes: buffer) }
        }
        self = try result.get()
    }

    /// Reads a Standard MIDI File from a borrowed buffer (no copy is made of the input).
    public init(bytes buffer: UnsafeRawBufferPointer) throws(MIDIFileError) {
        // Step 1: the magic number.
        guard buffer.count > 0 else { throw .empty }
        guard buffer.count >= 4, buffer[0] == 0x4D, buffer[1] == 0x54, buffer[2] == 0x68, buffer[3] == 0x64 else {
            throw .notMIDI(found: Array(buffer.prefix(4)))
        }
        var cursor = ByteCursor(buffer, position: 4)
        // Step 2: the header length: at least 6 bytes, and present in the file.
        let headerLength = try cursor.uint32("the MThd chunk length")
        guard headerLength >= 6 else { throw .headerTooShort(offset: 4, length: headerLength) }
        guard headerLength <= cursor.remaining else {
            throw .chunkOverrunsFile(offset: 0, track: nil, declared: headerLength, available: cursor.remaining)
        }
        // Step 3: format, track count, division.
        let formatWord = try cursor.uint16("the format")
        guard let format = MIDIFileFormat(rawValue: formatWord) else {
            throw .unsupportedFormat(offset: 8, format: formatWord)
        }
        let trackCount = try cursor.uint16("the track count")
        guard trackCount > 0 else { throw .noTracks(offset: 10) }
        let division = try MIDIDivision(word: cursor.uint16("the division"), offset: 12)
        // Step 4: skip header bytes beyond the six we know.
        cursor.position = 8 + headerLength
        // Step 5: walk the chunks until every declared track is read.
        var tracks: [MIDITrack] = []
        tracks.reserveCapacity(trackCount)
        while tracks.count < trackCount {
            let chunkStart = cursor.position
            guard cursor.remaining > 0 else {
                throw .missingTracks(offset: chunkStart, declared: trackCount, found: tracks.count)
            }
            guard cursor.remaining >= 8 else {
                throw .truncated(offset: cursor.end, track: tracks.count, reading: "a chunk header (id and length)")
            }
            let isTrack = buffer[chunkStart] == 0x4D && buffer[chunkStart + 1] == 0x54
                && buffer[chunkStart + 2] == 0x72 && buffer[chunkStart + 3] == 0x6B  // "MTrk"
            cursor.position += 4
            let length = try cursor.uint32("a chunk length")
            guard length <= cursor.remaining else {
                throw .chunkOverrunsFile(offset: chunkStart, track: isTrack ? tracks.count : nil,
                                         declared: length, available: cursor.remaining)
            }
            if isTrack {
                var trackCursor = ByteCursor(buffer, position: cursor.position, end: cursor.position + length,
                                             track: tracks.count)
                tracks.append(try MIDITrack.decode(cursor: &trackCursor))
            }
            cursor.position += length
        }
        self.init(format: format, division: division, tracks: tracks)
    }
}

extension MIDIDivision {
    /// Decodes the header's division word found at `offset`.
    init(word: Int, offset: Int) throws(MIDIFileError) {
        if word & 0x8000 == 0 {
            // Metrical: ticks per quarter note, 1...32767.
            guard word > 0 else { throw .zeroDivision(offset: offset) }
            self = .ticksPerQuarter(word)
        } else {
            // SMPTE: the high byte is minus the frame rate (two's complement), the low byte ticks per frame.
            let fps = -Int(Int8(bitPattern: UInt8(word >> 8)))
            let tpf = word & 0xFF
            guard [24, 25, 29, 30].contains(fps), tpf > 0 else {
                throw .invalidSMPTEDivision(offset: offset, framesPerSecond: fps, ticksPerFrame: tpf)
            }
            self = .smpte(framesPerSecond: fps, ticksPerFrame: tpf)
        }
    }

    /// The header's division word.
    var word: Int {
        switch self {
        case .ticksPerQuarter(let n): return n
        case .smpte(let fps, let tpf): return Int(UInt8(bitPattern: Int8(-fps))) << 8 | tpf
        }
    }
}
