// Reading one MTrk chunk: the event loop (the hot path of the reader).
//
// Forgiveness rules (also in README.md):
// - Running status survives sysex and meta events. The spec says they cancel it, but some writers rely on
//   it surviving; a file that follows the spec never notices the difference.
// - Reading stops at the first end-of-track meta event; any bytes left in the chunk after it are ignored.
// - A chunk that ends without an end-of-track event is accepted: its events are all kept, and the writer
//   adds the missing end-of-track.
// - Anything else that is not a well-formed event (a status byte where a data byte belongs, undefined
//   status bytes 0xF1...0xFE, a number over 4 bytes, an event running past the chunk) is an error naming
//   the byte offset and track.

extension MIDITrack {
    /// Decodes the events between `cursor.position` and `cursor.end` (one chunk's payload).
    static func decode(cursor: inout ByteCursor) throws(MIDIFileError) -> MIDITrack {
        var events: [MIDITrackEvent] = []
        // Most events take 3 to 4 bytes with running status and delta time: reserve once, grow rarely.
        events.reserveCapacity(cursor.remaining / 3 + 1)
        var tick = 0
        var runningStatus: UInt8 = 0  // 0: no channel status seen yet
        let track = cursor.track ?? 0
        while cursor.position < cursor.end {
            let eventStart = cursor.position
            // Step 1: the delta time, added to the running tick.
            tick &+= try cursor.variableLengthQuantity("a delta time", eventStart: eventStart)
            // Step 2: the status byte, or a data byte that relies on running status.
            let b = try cursor.byte("an event's status byte", eventStart: eventStart)
            let event: MIDIEvent
            if b < 0x80 {
                // Step 3a: running status: this byte is the first data byte of a message like the last one.
                guard runningStatus != 0 else {
                    throw .runningStatusWithoutStatus(offset: cursor.position - 1, track: track, byte: b)
                }
                event = try MIDIEvent.decodeChannel(status: runningStatus, first: b, cursor: &cursor, eventStart: eventStart)
            } else if b < 0xF0 {
                // Step 3b: a channel status byte: remember it, then read the first data byte.
                runningStatus = b
                let first = try cursor.byte("the first data byte of a channel message", eventStart: eventStart)
                guard first < 0x80 else {
                    throw .unexpectedStatusByte(offset: cursor.position - 1, track: track, byte: first)
                }
                event = try MIDIEvent.decodeChannel(status: b, first: first, cursor: &cursor, eventStart: eventStart)
            } else if b == 0xFF {
                // Step 3c: a meta event; end of track closes the track.
                let meta = try MIDIMetaEvent.decode(cursor: &cursor, eventStart: eventStart)
                events.append(MIDITrackEvent(tick: tick, event: .meta(meta)))
                if case .endOfTrack = meta { break }
                continue
            } else if b == 0xF0 || b == 0xF7 {
                // Step 3d: a sysex message or escape.
                event = try MIDIEvent.decodeSysEx(status: b, cursor: &cursor, eventStart: eventStart)
            } else {
                // Step 3e: real-time and system-common bytes have no place in a file.
                throw .undefinedStatusByte(offset: cursor.position - 1, track: track, byte: b)
            }
            events.append(MIDITrackEvent(tick: tick, event: event))
        }
        return MIDITrack(events: events)
    }
}
