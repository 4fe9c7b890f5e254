import Notation

/// Every error the MIDIFile module throws: reading, writing and converting to or from a `Score`.
///
/// Reading errors carry the **byte offset** (from the start of the file) where the problem was found,
/// and the **track** (0-based index of the `MTrk` chunk) when it happened inside a track.
/// Each message says what is wrong, where, and what to do about it.
public enum MIDIFileError: Error, Sendable, Hashable, CustomStringConvertible {
    // MARK: Reading: file structure

    /// The input holds no bytes at all.
    case empty
    /// The first four bytes are not `MThd` (`found` holds up to four bytes seen at offset 0).
    case notMIDI(found: [UInt8])
    /// The data ended at `offset` while `reading` (e.g. "the MThd header") was still expected.
    case truncated(offset: Int, track: Int?, reading: String)
    /// The `MThd` chunk declares a length below the 6 bytes it must hold.
    case headerTooShort(offset: Int, length: Int)
    /// The header's format word (at `offset`) is not 0, 1 or 2.
    case unsupportedFormat(offset: Int, format: Int)
    /// The header declares zero tracks (the count is at `offset`).
    case noTracks(offset: Int)
    /// The header's division word (at `offset`) is 0 ticks per quarter note.
    case zeroDivision(offset: Int)
    /// The header's SMPTE division (at `offset`) names a frame rate other than 24, 25, 29 (drop) or 30,
    /// or zero ticks per frame.
    case invalidSMPTEDivision(offset: Int, framesPerSecond: Int, ticksPerFrame: Int)
    /// A chunk starting at `offset` declares more bytes than the file holds after its header.
    case chunkOverrunsFile(offset: Int, track: Int?, declared: Int, available: Int)
    /// The file ended at `offset` after `found` track chunks, but the header declared `declared`.
    case missingTracks(offset: Int, declared: Int, found: Int)

    // MARK: Reading: inside a track

    /// A variable-length quantity starting at `offset` runs over the 4 bytes the format allows.
    case variableLengthQuantityTooLong(offset: Int, track: Int)
    /// A data byte at `offset` relies on running status, but no channel status byte came before it.
    case runningStatusWithoutStatus(offset: Int, track: Int, byte: UInt8)
    /// A status byte (`byte`, ≥ 0x80) appears at `offset` where a data byte (< 0x80) was expected.
    case unexpectedStatusByte(offset: Int, track: Int, byte: UInt8)
    /// A status byte at `offset` that a MIDI file cannot hold (0xF1...0xF6, 0xF8...0xFE).
    case undefinedStatusByte(offset: Int, track: Int, byte: UInt8)
    /// The event starting at `offset` runs past the end of its track chunk (which ends at `chunkEnd`).
    case eventOverrunsTrack(offset: Int, track: Int, chunkEnd: Int)

    // MARK: Writing

    /// Event `event` of track `track` has a tick earlier than the event before it.
    case eventsOutOfOrder(track: Int, event: Int, tick: Int, previousTick: Int)
    /// A field of event `event` in track `track` is outside what the file format can hold.
    case valueOutOfRange(track: Int, event: Int, field: String, value: Int, range: ClosedRange<Int>)
    /// Event `event` of track `track` is an end-of-track meta event but more events follow it.
    case endOfTrackBeforeLastEvent(track: Int, event: Int)
    /// The file has more tracks than the header's 16-bit count can hold, or none at all.
    case trackCountOutOfRange(Int)
    /// A file could not be read or written at `path`.
    case io(path: String, message: String)

    // MARK: Converting to and from a Score

    /// The file's time base is SMPTE (absolute time), which has no quarter notes to convert to.
    case smpteDivisionHasNoQuarterNotes(framesPerSecond: Int, ticksPerFrame: Int)
    /// A format 2 file holds independent sequences, which do not form one score.
    case multipleSequences(count: Int)
    /// A time in part `part` does not fall on a tick at `ticksPerQuarter`.
    case timeNotOnTick(part: String, time: Rational, ticksPerQuarter: Int)
    /// A value of the score cannot be written to MIDI (`what` says which).
    case scoreValueOutOfRange(what: String, value: String)
    /// A MIDI value read from track `track` does not form a valid music value (`message` says why).
    case invalidMusicValue(track: Int, tick: Int, message: String)

    /// The byte offset the error points at, for reading errors.
    public var offset: Int? {
        switch self {
        case .empty, .notMIDI: return 0
        case .truncated(let o, _, _), .headerTooShort(let o, _), .unsupportedFormat(let o, _),
             .noTracks(let o), .zeroDivision(let o), .invalidSMPTEDivision(let o, _, _),
             .chunkOverrunsFile(let o, _, _, _), .missingTracks(let o, _, _),
             .variableLengthQuantityTooLong(let o, _), .runningStatusWithoutStatus(let o, _, _),
             .unexpectedStatusByte(let o, _, _), .undefinedStatusByte(let o, _, _),
             .eventOverrunsTrack(let o, _, _):
            return o
        default: return nil
        }
    }

    /// The 0-based track (`MTrk` chunk) index the error happened in, when it happened in one.
    public var track: Int? {
        switch self {
        case .truncated(_, let t, _), .chunkOverrunsFile(_, let t, _, _): return t
        case .variableLengthQuantityTooLong(_, let t), .runningStatusWithoutStatus(_, let t, _),
             .unexpectedStatusByte(_, let t, _), .undefinedStatusByte(_, let t, _),
             .eventOverrunsTrack(_, let t, _), .eventsOutOfOrder(let t, _, _, _), .endOfTrackBeforeLastEvent(let t, _),
             .valueOutOfRange(let t, _, _, _, _), .invalidMusicValue(let t, _, _):
            return t
        default: return nil
        }
    }

    private static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String(digits[Int(b >> 4)]) + String(digits[Int(b & 15)])
    }

    private static func place(_ offset: Int, _ track: Int?) -> String {
        track.map { "byte \(offset), track \($0)" } ?? "byte \(offset)"
    }

    public var description: String {
        switch self {
        case .empty:
            return "the input is empty (0 bytes): a MIDI file starts with an 'MThd' header"
        case .notMIDI(let found):
            let shown = found.map(Self.hex).joined(separator: " ")
            return "byte 0: not a Standard MIDI File (starts with \(shown), expected 'MThd' = 0x4D 0x54 0x68 0x64); "
                + "check that the file is a .mid file and not RIFF/RMID, audio or text"
        case .truncated(let o, let t, let what):
            return "\(Self.place(o, t)): the data ends while reading \(what); the file is cut short, re-export or re-download it"
        case .headerTooShort(let o, let length):
            return "byte \(o): the MThd chunk declares \(length) bytes but needs at least 6 (format, track count, division)"
        case .unsupportedFormat(let o, let format):
            return "byte \(o): format \(format) is not a Standard MIDI File format (0, 1 or 2)"
        case .noTracks(let o):
            return "byte \(o): the header declares 0 tracks, so the file holds no music; write at least one MTrk chunk"
        case .zeroDivision(let o):
            return "byte \(o): the division is 0 ticks per quarter note, so no time can be computed; it must be 1...32767"
        case .invalidSMPTEDivision(let o, let fps, let tpf):
            return "byte \(o): SMPTE division with \(fps) frames per second and \(tpf) ticks per frame; "
                + "frames per second must be 24, 25, 29 or 30 and ticks per frame at least 1"
        case .chunkOverrunsFile(let o, let t, let declared, let available):
            return "\(Self.place(o, t)): the chunk declares \(declared) bytes but only \(available) remain in the file; "
                + "the file is truncated or its chunk length is wrong"
        case .missingTracks(let o, let declared, let found):
            return "byte \(o): the file ends after \(found) track chunk(s) but the header declares \(declared); the file is truncated"
        case .variableLengthQuantityTooLong(let o, let t):
            return "\(Self.place(o, t)): a variable-length number runs over 4 bytes (the most a MIDI file allows); the track data is corrupt"
        case .runningStatusWithoutStatus(let o, let t, let b):
            return "\(Self.place(o, t)): data byte \(Self.hex(b)) uses running status, but no channel status byte came before it in this track"
        case .unexpectedStatusByte(let o, let t, let b):
            return "\(Self.place(o, t)): status byte \(Self.hex(b)) where a data byte (0x00...0x7F) was expected; the event before it is cut short"
        case .undefinedStatusByte(let o, let t, let b):
            return "\(Self.place(o, t)): status byte \(Self.hex(b)) is a real-time or system-common message, which a MIDI file cannot hold"
        case .eventOverrunsTrack(let o, let t, let end):
            return "\(Self.place(o, t)): the event starting here runs past the end of its track chunk at byte \(end); "
                + "the chunk length is wrong or the track is cut short"
        case .eventsOutOfOrder(let t, let e, let tick, let previous):
            return "track \(t), event \(e): tick \(tick) comes before the previous event's tick \(previous); sort the events by tick"
        case .valueOutOfRange(let t, let e, let field, let value, let range):
            return "track \(t), event \(e): \(field) \(value) is outside \(range.lowerBound)...\(range.upperBound)"
        case .endOfTrackBeforeLastEvent(let t, let e):
            return "track \(t), event \(e): end of track must be the last event; remove it or the events after it"
        case .trackCountOutOfRange(let n):
            return "a MIDI file holds 1...65535 tracks, not \(n)"
        case .io(let path, let message):
            return "\(path): \(message)"
        case .smpteDivisionHasNoQuarterNotes(let fps, let tpf):
            return "the file counts time in SMPTE frames (\(fps) fps, \(tpf) ticks per frame), not quarter notes; "
                + "it cannot become a score (read its raw events instead)"
        case .multipleSequences(let n):
            return "the file is format 2 with \(n) independent sequences; convert one track at a time "
                + "(MIDIFile(format: .singleTrack, division: file.division, tracks: [track]))"
        case .timeNotOnTick(let part, let time, let tpq):
            return "part '\(part)': time \(time) quarter notes does not fall on a tick at \(tpq) ticks per quarter; "
                + "choose a ticks-per-quarter that is a multiple of \(time.denominator)"
        case .scoreValueOutOfRange(let what, let value):
            return "\(what) \(value) cannot be written to a MIDI file"
        case .invalidMusicValue(let t, let tick, let message):
            return "track \(t), tick \(tick): \(message)"
        }
    }
}
