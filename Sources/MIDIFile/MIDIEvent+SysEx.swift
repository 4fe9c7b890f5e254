// System-exclusive events (status 0xF0 and 0xF7): decode and encode.
//
//   F0 <VLQ length> <bytes...>   a sysex message; the bytes normally end with F7. The F0 itself is not
//                                counted in the length; a message split into packets leaves the F7 off
//                                the first packet and sends the rest in F7 events.
//   F7 <VLQ length> <bytes...>   an "escape": a continuation packet, or any bytes to transmit as they are
//                                (e.g. real-time messages) with no F0 in front.
//
// Both kinds are kept exactly as stored: the payload is not checked for a closing F7, so files that
// split sysex into packets round-trip unchanged.

extension MIDIEvent {
    /// Decodes the length and payload following an F0 or F7 status byte.
    static func decodeSysEx(status: UInt8, cursor: inout ByteCursor, eventStart: Int) throws(MIDIFileError) -> MIDIEvent {
        // Step 1: the payload length, a variable-length quantity.
        let length = try cursor.variableLengthQuantity("a sysex length", eventStart: eventStart)
        // Step 2: the payload itself, copied out of the file buffer.
        let data = try cursor.bytes(length, "a sysex payload", eventStart: eventStart)
        return status == 0xF0 ? .sysEx(data: data) : .sysExEscape(data: data)
    }

    /// Appends a sysex or escape event: status, VLQ length, payload.
    static func encodeSysEx(status: UInt8, data: [UInt8], into out: inout [UInt8]) {
        out.append(status)
        VariableLengthQuantity.encode(data.count, into: &out)
        out.append(contentsOf: data)
    }
}
