/// A read position over a contiguous, borrowed byte buffer: the reader's only way to look at input.
///
/// It never copies or allocates; every read checks against `end` (the end of the current chunk or of the
/// file) and throws a `MIDIFileError` naming the byte offset and track instead of reading past it.
/// Offsets are from the start of the file, so errors point at the byte a hex editor would show.
struct ByteCursor {
    /// The whole file.
    let base: UnsafeRawBufferPointer
    /// The next byte to read.
    var position: Int
    /// One past the last byte this cursor may read.
    var end: Int
    /// The track (MTrk chunk index) being read, for errors; `nil` outside tracks.
    var track: Int?

    init(_ base: UnsafeRawBufferPointer, position: Int = 0, end: Int? = nil, track: Int? = nil) {
        self.base = base
        self.position = position
        self.end = end ?? base.count
        self.track = track
    }

    /// Bytes left before `end`.
    @inline(__always) var remaining: Int { end - position }

    /// The error for running out of bytes while reading `what` (inside a track: the event overruns the chunk).
    func outOfData(_ what: String, eventStart: Int) -> MIDIFileError {
        if let track { return .eventOverrunsTrack(offset: eventStart, track: track, chunkEnd: end) }
        return .truncated(offset: end, track: track, reading: what)
    }

    /// Reads one byte.
    @inline(__always) mutating func byte(_ what: @autoclosure () -> String, eventStart: Int) throws(MIDIFileError) -> UInt8 {
        guard position < end else { throw outOfData(what(), eventStart: eventStart) }
        let b = base[position]
        position &+= 1
        return b
    }

    /// Reads a big-endian 16-bit word (header fields).
    mutating func uint16(_ what: String) throws(MIDIFileError) -> Int {
        guard remaining >= 2 else { throw MIDIFileError.truncated(offset: end, track: track, reading: what) }
        let v = Int(base[position]) << 8 | Int(base[position + 1])
        position += 2
        return v
    }

    /// Reads a big-endian 32-bit word (chunk lengths).
    mutating func uint32(_ what: String) throws(MIDIFileError) -> Int {
        guard remaining >= 4 else { throw MIDIFileError.truncated(offset: end, track: track, reading: what) }
        var v = 0
        for i in 0..<4 { v = v << 8 | Int(base[position + i]) }
        position += 4
        return v
    }

    /// Copies the next `count` bytes out (sysex and meta payloads: the only allocation per event).
    mutating func bytes(_ count: Int, _ what: String, eventStart: Int) throws(MIDIFileError) -> [UInt8] {
        guard count <= remaining else { throw outOfData(what, eventStart: eventStart) }
        let out = [UInt8](UnsafeRawBufferPointer(rebasing: base[position..<position + count]))
        position += count
        return out
    }
}
