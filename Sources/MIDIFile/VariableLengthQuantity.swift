/// Variable-length quantities (VLQ): the SMF encoding of delta times and sysex/meta lengths.
///
/// Seven bits per byte, most significant group first; every byte but the last has its top bit set.
/// The format allows at most 4 bytes, so values are 0...0x0FFF_FFFF (268,435,455).
///
///     0x00        -> 00
///     0x7F        -> 7F
///     0x80        -> 81 00
///     0x3FFF      -> FF 7F
///     0x0FFFFFFF  -> FF FF FF 7F
public enum VariableLengthQuantity {
    /// The largest value a 4-byte quantity can hold.
    public static let maximum = 0x0FFF_FFFF

    /// Appends the encoding of `value` (0...`maximum`, checked by the caller) to `out`.
    public static func encode(_ value: Int, into out: inout [UInt8]) {
        precondition(value >= 0 && value <= maximum, "VLQ value out of range")
        // Step 1: find how many 7-bit groups are needed (at least one).
        var shift = 21
        while shift > 0 && value >> shift == 0 { shift -= 7 }
        // Step 2: write the groups from the most significant, high bit set on all but the last.
        while shift > 0 {
            out.append(UInt8(truncatingIfNeeded: (value >> shift) & 0x7F) | 0x80)
            shift -= 7
        }
        out.append(UInt8(truncatingIfNeeded: value & 0x7F))
    }

    /// The encoding of `value` as a new array.
    public static func encoded(_ value: Int) -> [UInt8] {
        var out: [UInt8] = []
        encode(value, into: &out)
        return out
    }
}

extension ByteCursor {
    /// Reads a variable-length quantity: at most 4 bytes, else `variableLengthQuantityTooLong` at its first byte.
    @inline(__always)
    mutating func variableLengthQuantity(_ what: @autoclosure () -> String, eventStart: Int) throws(MIDIFileError) -> Int {
        let start = position
        // Fast path: one byte (most delta times and lengths).
        let first = try byte(what(), eventStart: eventStart)
        if first < 0x80 { return Int(first) }
        var value = Int(first & 0x7F)
        // Up to three more bytes; the fourth must end the number.
        for _ in 0..<3 {
            let b = try byte(what(), eventStart: eventStart)
            value = value << 7 | Int(b & 0x7F)
            if b < 0x80 { return value }
        }
        throw .variableLengthQuantityTooLong(offset: start, track: track ?? 0)
    }
}
