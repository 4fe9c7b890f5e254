// Meta events (FF <type> <VLQ length> <bytes>): the type, decode and encode.
//
//   type  length  meaning
//   00    2       sequence number
//   01-0F any     text: 01 text, 02 copyright, 03 track name, 04 instrument, 05 lyric, 06 marker, 07 cue point, ...
//   20    1       MIDI channel prefix
//   21    1       MIDI port
//   2F    0       end of track
//   51    3       tempo, microseconds per quarter note (24 bits)
//   54    5       SMPTE offset: hours, minutes, seconds, frames, hundredths of a frame
//   58    4       time signature: numerator, log2(denominator), MIDI clocks per click, 32nds per quarter
//   59    2       key signature: sharps (> 0) or flats (< 0) as a signed byte, 0 major / 1 minor
//   7F    any     sequencer specific
//
// Forgiveness: a meta event whose type is unknown, or whose type is known but whose length or values do not
// fit (e.g. a tempo with 4 bytes, a key signature with mode 2), is kept as `.raw(type:data:)` with its bytes
// untouched, so nothing is lost and the writer puts it back byte for byte.

/// A meta event: information about the music that is not sent to instruments.
public enum MIDIMetaEvent: Sendable, Hashable {
    /// FF 00 02: the sequence number.
    case sequenceNumber(UInt16)
    /// FF 01...0F: text of some kind, kept as the stored bytes (no encoding is guaranteed by the format).
    case text(MIDITextKind, [UInt8])
    /// FF 20 01: the channel the following sysex and meta events apply to.
    case channelPrefix(UInt8)
    /// FF 21 01: the output port.
    case port(UInt8)
    /// FF 2F 00: end of track.
    case endOfTrack
    /// FF 51 03: tempo in microseconds per quarter note (0...16,777,215 as stored; 500,000 = 120 quarters per
    /// minute). 0 is kept as read and written back, but cannot become a Score tempo.
    case tempo(microsecondsPerQuarter: Int)
    /// FF 54 05: the SMPTE time at which the track starts.
    case smpteOffset(hours: UInt8, minutes: UInt8, seconds: UInt8, frames: UInt8, hundredths: UInt8)
    /// FF 58 04: time signature `numerator / 2^denominatorPower`.
    case timeSignature(numerator: UInt8, denominatorPower: UInt8, clocksPerClick: UInt8, thirtySecondsPerQuarter: UInt8)
    /// FF 59 02: key signature, `fifths` sharps (> 0) or flats (< 0), major or minor.
    case keySignature(fifths: Int8, isMinor: Bool)
    /// FF 7F: data for one sequencer.
    case sequencerSpecific([UInt8])
    /// Any other meta event, or a known one whose bytes do not fit its layout, exactly as stored.
    case raw(type: UInt8, data: [UInt8])

    /// Decodes the meta event after `FF`: type byte, length, payload.
    static func decode(cursor: inout ByteCursor, eventStart: Int) throws(MIDIFileError) -> MIDIMetaEvent {
        // Step 1: the type byte (any value; types ≥ 0x80 are not defined but are skipped by length like the rest).
        let type = try cursor.byte("a meta event type", eventStart: eventStart)
        // Step 2: the payload length.
        let length = try cursor.variableLengthQuantity("a meta event length", eventStart: eventStart)
        guard length <= cursor.remaining else {
            throw .eventOverrunsTrack(offset: eventStart, track: cursor.track ?? 0, chunkEnd: cursor.end)
        }
        // Step 3: fixed-size events are read in place; a mismatched length falls through to `.raw`.
        let p = cursor.position
        let b = cursor.base
        switch (type, length) {
        case (0x2F, 0):
            return .endOfTrack
        case (0x51, 3):
            cursor.position += 3
            return .tempo(microsecondsPerQuarter: Int(b[p]) << 16 | Int(b[p + 1]) << 8 | Int(b[p + 2]))
        case (0x58, 4):
            cursor.position += 4
            return .timeSignature(numerator: b[p], denominatorPower: b[p + 1], clocksPerClick: b[p + 2],
                                  thirtySecondsPerQuarter: b[p + 3])
        case (0x59, 2) where b[p + 1] <= 1:
            cursor.position += 2
            return .keySignature(fifths: Int8(bitPattern: b[p]), isMinor: b[p + 1] == 1)
        case (0x00, 2):
            cursor.position += 2
            return .sequenceNumber(UInt16(b[p]) << 8 | UInt16(b[p + 1]))
        case (0x20, 1):
            cursor.position += 1
            return .channelPrefix(b[p])
        case (0x21, 1):
            cursor.position += 1
            return .port(b[p])
        case (0x54, 5):
            cursor.position += 5
            return .smpteOffset(hours: b[p], minutes: b[p + 1], seconds: b[p + 2], frames: b[p + 3], hundredths: b[p + 4])
        default:
            // Step 4: variable-length payloads are copied out.
            let data = try cursor.bytes(length, "a meta event payload", eventStart: eventStart)
            switch type {
            case 0x01...0x0F: return .text(MIDITextKind(rawValue: type), data)
            case 0x7F: return .sequencerSpecific(data)
            default: return .raw(type: type, data: data)
            }
        }
    }

    /// The type byte and payload this event is written with.
    var typeAndPayload: (type: UInt8, payload: [UInt8]) {
        switch self {
        case .sequenceNumber(let n): return (0x00, [UInt8(n >> 8), UInt8(n & 0xFF)])
        case .text(let kind, let bytes): return (kind.rawValue, bytes)
        case .channelPrefix(let c): return (0x20, [c])
        case .port(let p): return (0x21, [p])
        case .endOfTrack: return (0x2F, [])
        case .tempo(let us):
            return (0x51, [UInt8(truncatingIfNeeded: us >> 16), UInt8(truncatingIfNeeded: us >> 8), UInt8(truncatingIfNeeded: us)])
        case .smpteOffset(let h, let m, let s, let f, let ff): return (0x54, [h, m, s, f, ff])
        case .timeSignature(let n, let d, let c, let b): return (0x58, [n, d, c, b])
        case .keySignature(let sf, let minor): return (0x59, [UInt8(bitPattern: sf), minor ? 1 : 0])
        case .sequencerSpecific(let data): return (0x7F, data)
        case .raw(let type, let data): return (type, data)
        }
    }

    /// The first field out of the range the layout can hold, if any.
    func fieldOutOfRange() -> (field: String, value: Int, range: ClosedRange<Int>)? {
        switch self {
        case .tempo(let us) where !(0...0xFF_FFFF).contains(us):
            return ("tempo (microseconds per quarter)", us, 0...0xFF_FFFF)
        case .text(let kind, _) where !(0x01...0x0F).contains(kind.rawValue):
            return ("text meta type", Int(kind.rawValue), 0x01...0x0F)
        default:
            return nil
        }
    }

    /// Appends `FF type length payload`.
    func encode(into out: inout [UInt8]) {
        let (type, payload) = typeAndPayload
        out.append(0xFF)
        out.append(type)
        VariableLengthQuantity.encode(payload.count, into: &out)
        out.append(contentsOf: payload)
    }
}

/// The kind of a text meta event (its type byte, 0x01...0x0F).
public struct MIDITextKind: RawRepresentable, Sendable, Hashable {
    /// The meta type byte.
    public var rawValue: UInt8
    /// Creates a kind from its type byte.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// FF 01: any text.
    public static let text = MIDITextKind(rawValue: 0x01)
    /// FF 02: copyright notice.
    public static let copyright = MIDITextKind(rawValue: 0x02)
    /// FF 03: sequence or track name.
    public static let trackName = MIDITextKind(rawValue: 0x03)
    /// FF 04: instrument name.
    public static let instrumentName = MIDITextKind(rawValue: 0x04)
    /// FF 05: lyric.
    public static let lyric = MIDITextKind(rawValue: 0x05)
    /// FF 06: marker.
    public static let marker = MIDITextKind(rawValue: 0x06)
    /// FF 07: cue point.
    public static let cuePoint = MIDITextKind(rawValue: 0x07)

    /// Decodes text bytes: UTF-8 when they are valid UTF-8, else Latin-1 (one character per byte).
    public static func string(from bytes: [UInt8]) -> String {
        if let s = String(validating: bytes, as: UTF8.self) { return s }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }
}
