// Channel messages (status 0x80...0xEF): decode and encode.
//
//   status   meaning              data bytes
//   0x8n     note off             key, velocity
//   0x9n     note on              key, velocity (velocity 0 = note off by convention)
//   0xAn     polyphonic pressure  key, pressure
//   0xBn     control change       controller, value
//   0xCn     program change       program
//   0xDn     channel pressure     pressure
//   0xEn     pitch bend           LSB, MSB (14 bits, 0x2000 = centre)

extension MIDIEvent {
    /// Decodes a channel message whose status byte is `status` and whose first data byte (< 0x80) has
    /// already been read as `first` (so running status and explicit status share this path).
    @inline(__always)
    static func decodeChannel(
        status: UInt8, first: UInt8, cursor: inout ByteCursor, eventStart: Int
    ) throws(MIDIFileError) -> MIDIEvent {
        let channel = status & 0x0F
        let kind = status >> 4
        // Step 1: one-data-byte messages are complete already.
        if kind == 0xC { return .programChange(channel: channel, program: first) }
        if kind == 0xD { return .channelPressure(channel: channel, pressure: first) }
        // Step 2: read the second data byte; a status byte here means the message was cut short.
        let second = try cursor.byte("the second data byte of a channel message", eventStart: eventStart)
        guard second < 0x80 else {
            throw .unexpectedStatusByte(offset: cursor.position - 1, track: cursor.track ?? 0, byte: second)
        }
        // Step 3: build the message from the high nibble.
        switch kind {
        case 0x8: return .noteOff(channel: channel, note: first, velocity: second)
        case 0x9: return .noteOn(channel: channel, note: first, velocity: second)
        case 0xA: return .polyphonicPressure(channel: channel, note: first, pressure: second)
        case 0xB: return .controlChange(channel: channel, controller: first, value: second)
        default: return .pitchBend(channel: channel, value: UInt16(second) << 7 | UInt16(first))
        }
    }

    /// The status byte and data bytes of a channel message, or `nil` for sysex and meta events.
    var channelBytes: (status: UInt8, data1: UInt8, data2: UInt8?)? {
        switch self {
        case .noteOff(let c, let n, let v): return (0x80 | c, n, v)
        case .noteOn(let c, let n, let v): return (0x90 | c, n, v)
        case .polyphonicPressure(let c, let n, let p): return (0xA0 | c, n, p)
        case .controlChange(let c, let n, let v): return (0xB0 | c, n, v)
        case .programChange(let c, let p): return (0xC0 | (c & 0x0F), p, nil)
        case .channelPressure(let c, let p): return (0xD0 | (c & 0x0F), p, nil)
        case .pitchBend(let c, let v): return (0xE0 | (c & 0x0F), UInt8(truncatingIfNeeded: v & 0x7F), UInt8(truncatingIfNeeded: v >> 7))
        case .sysEx, .sysExEscape, .meta: return nil
        }
    }

    /// Checks the fields of a channel message against their ranges (channel 0...15, data 0...127,
    /// pitch bend 0...16383); returns the first field out of range.
    func channelFieldOutOfRange() -> (field: String, value: Int, range: ClosedRange<Int>)? {
        func check(_ pairs: [(String, Int, ClosedRange<Int>)]) -> (String, Int, ClosedRange<Int>)? {
            pairs.first { !$0.2.contains($0.1) }
        }
        switch self {
        case .noteOff(let c, let n, let v), .noteOn(let c, let n, let v):
            return check([("channel", Int(c), 0...15), ("note", Int(n), 0...127), ("velocity", Int(v), 0...127)])
        case .polyphonicPressure(let c, let n, let p):
            return check([("channel", Int(c), 0...15), ("note", Int(n), 0...127), ("pressure", Int(p), 0...127)])
        case .controlChange(let c, let n, let v):
            return check([("channel", Int(c), 0...15), ("controller", Int(n), 0...127), ("value", Int(v), 0...127)])
        case .programChange(let c, let p):
            return check([("channel", Int(c), 0...15), ("program", Int(p), 0...127)])
        case .channelPressure(let c, let p):
            return check([("channel", Int(c), 0...15), ("pressure", Int(p), 0...127)])
        case .pitchBend(let c, let v):
            return check([("channel", Int(c), 0...15), ("pitch bend", Int(v), 0...16383)])
        case .sysEx, .sysExEscape, .meta:
            return nil
        }
    }

    /// Appends a channel message, leaving out the status byte when it equals `runningStatus`
    /// (the writer always uses running status for consecutive channel messages with the same status).
    func encodeChannel(_ bytes: (status: UInt8, data1: UInt8, data2: UInt8?), into out: inout [UInt8], runningStatus: inout UInt8?) {
        if runningStatus != bytes.status { out.append(bytes.status) }
        runningStatus = bytes.status
        out.append(bytes.data1)
        if let d2 = bytes.data2 { out.append(d2) }
    }
}
