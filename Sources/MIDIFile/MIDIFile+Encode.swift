// Writing a whole file: header, then one MTrk chunk per track.
//
// Choices (also in README.md):
// - Running status is used: a channel message whose status equals the previous channel message's status
//   is written without it. Sysex and meta events reset it (the next channel message writes its status),
//   as the spec asks. Note-offs stay note-offs (0x8n); nothing is rewritten as note-on velocity 0.
// - Every event is written as it is; the only addition is an end-of-track meta event at the last event's
//   tick when a track does not end with one. So read -> write -> read gives back every event, and writing
//   what was read back gives the same bytes again.
// - Nothing is clamped: a value the format cannot hold is an error naming the track and event.

extension MIDIFile {
    /// The file as Standard MIDI File bytes.
    ///
    /// Throws when a track's ticks decrease, an end-of-track event is not last, or a value is out of range.
    public func bytes() throws(MIDIFileError) -> [UInt8] {
        // Step 1: check what the header must hold.
        guard (1...0xFFFF).contains(tracks.count) else { throw .trackCountOutOfRange(tracks.count) }
        switch division {
        case .ticksPerQuarter(let n) where !(1...0x7FFF).contains(n):
            throw .valueOutOfRange(track: 0, event: 0, field: "ticks per quarter note", value: n, range: 1...0x7FFF)
        case .smpte(let fps, let tpf) where ![24, 25, 29, 30].contains(fps) || !(1...255).contains(tpf):
            throw .invalidSMPTEDivision(offset: 12, framesPerSecond: fps, ticksPerFrame: tpf)
        default:
            break
        }
        // Step 2: the header chunk.
        var out: [UInt8] = [0x4D, 0x54, 0x68, 0x64, 0, 0, 0, 6]
        out.reserveCapacity(14 + tracks.reduce(0) { $0 + 8 + 4 * $1.events.count })
        for word in [format.rawValue, tracks.count, division.word] {
            out.append(UInt8(word >> 8))
            out.append(UInt8(word & 0xFF))
        }
        // Step 3: each track as a chunk whose length is filled in once its events are written.
        for (t, track) in tracks.enumerated() {
            out.append(contentsOf: [0x4D, 0x54, 0x72, 0x6B, 0, 0, 0, 0])
            let payloadStart = out.count
            try track.encodeEvents(trackIndex: t, into: &out)
            let length = out.count - payloadStart
            guard length <= 0xFFFF_FFFF else {
                throw .valueOutOfRange(track: t, event: track.events.count, field: "track length in bytes",
                                       value: length, range: 0...0xFFFF_FFFF)
            }
            for i in 0..<4 { out[payloadStart - 4 + i] = UInt8((length >> (24 - 8 * i)) & 0xFF) }
        }
        return out
    }
}

extension MIDITrack {
    /// Appends this track's events (delta time + event each) and a closing end-of-track if it lacks one.
    func encodeEvents(trackIndex t: Int, into out: inout [UInt8]) throws(MIDIFileError) {
        var previousTick = 0
        var runningStatus: UInt8?
        for (i, e) in events.enumerated() {
            // Step 1: the delta time.
            guard e.tick >= previousTick else {
                throw .eventsOutOfOrder(track: t, event: i, tick: e.tick, previousTick: previousTick)
            }
            let delta = e.tick - previousTick
            guard delta <= VariableLengthQuantity.maximum else {
                throw .valueOutOfRange(track: t, event: i, field: "delta time", value: delta,
                                       range: 0...VariableLengthQuantity.maximum)
            }
            VariableLengthQuantity.encode(delta, into: &out)
            previousTick = e.tick
            // Step 2: the event.
            switch e.event {
            case .sysEx(let data), .sysExEscape(let data):
                guard data.count <= VariableLengthQuantity.maximum else {
                    throw .valueOutOfRange(track: t, event: i, field: "sysex length", value: data.count,
                                           range: 0...VariableLengthQuantity.maximum)
                }
                let status: UInt8
                if case .sysEx = e.event { status = 0xF0 } else { status = 0xF7 }
                MIDIEvent.encodeSysEx(status: status, data: data, into: &out)
                runningStatus = nil
            case .meta(let meta):
                if let bad = meta.fieldOutOfRange() {
                    throw .valueOutOfRange(track: t, event: i, field: bad.field, value: bad.value, range: bad.range)
                }
                if case .endOfTrack = meta, i != events.count - 1 {
                    throw .endOfTrackBeforeLastEvent(track: t, event: i)
                }
                meta.encode(into: &out)
                runningStatus = nil
            default:
                if let bad = e.event.channelFieldOutOfRange() {
                    throw .valueOutOfRange(track: t, event: i, field: bad.field, value: bad.value, range: bad.range)
                }
                if let bytes = e.event.channelBytes {
                    e.event.encodeChannel(bytes, into: &out, runningStatus: &runningStatus)
                }
            }
        }
        // Step 3: close the track if the events did not.
        if case .meta(.endOfTrack)? = events.last?.event { return }
        out.append(contentsOf: [0x00, 0xFF, 0x2F, 0x00])
    }
}
