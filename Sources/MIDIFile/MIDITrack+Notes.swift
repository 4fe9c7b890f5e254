// Pairing note-ons with note-offs: the note rule shared by the Score conversion and `compose inspect`.
//
// The rule (also in README.md):
// - A note-on with velocity 0 is a note-off.
// - Notes are paired within one track, per channel and pitch. A note-off closes the EARLIEST still-open
//   note of its channel and pitch (first in, first out); a note-off with no open note is ignored.
// - A note-on for a key that is already sounding opens a second note; it does not close the first.
// - A note that is never switched off is DROPPED from `notes` (as symusic and pretty_midi do) and listed
//   in `unterminated` instead, with its end set to the track's last tick, so a caller can count it
//   (as mido's note-on count does) or report it.
// - A note switched off at the tick it started is kept, with zero length.

/// A note found by pairing a note-on with its note-off, in ticks.
public struct MIDINote: Sendable, Hashable {
    /// The channel, 0...15.
    public var channel: UInt8
    /// The MIDI note number, 0...127.
    public var pitch: UInt8
    /// The note-on velocity, 1...127.
    public var velocity: UInt8
    /// The tick of the note-on.
    public var start: Int
    /// The tick of the matching note-off (≥ `start`).
    public var end: Int

    /// Creates a note.
    public init(channel: UInt8, pitch: UInt8, velocity: UInt8, start: Int, end: Int) {
        self.channel = channel
        self.pitch = pitch
        self.velocity = velocity
        self.start = start
        self.end = end
    }
}

/// The notes of one track: those paired with a note-off, and those never switched off.
public struct MIDITrackNotes: Sendable, Hashable {
    /// Paired notes, in the order of their note-ons.
    public var notes: [MIDINote]
    /// Notes whose note-on has no note-off, in note-on order; `end` is the track's last tick.
    public var unterminated: [MIDINote]
}

extension MIDITrack {
    /// Pairs note-ons with note-offs by the rule at the top of this file.
    public func notes() -> MIDITrackNotes {
        // Step 1: one FIFO queue of open notes per (channel, pitch), threaded through `next` as linked
        // lists; `end == -1` marks a note still open.
        var head = [Int32](repeating: -1, count: 16 * 128)
        var tail = [Int32](repeating: -1, count: 16 * 128)
        var next: [Int32] = []
        var found: [MIDINote] = []
        next.reserveCapacity(events.count / 2)
        found.reserveCapacity(events.count / 2)
        var closedCount = 0
        events.withUnsafeBufferPointer { events in
            for i in 0..<events.count {
                let isOn: Bool, c: UInt8, p: UInt8, v: UInt8
                switch events[i].event {
                case .noteOn(let channel, let pitch, let velocity):
                    (isOn, c, p, v) = (velocity > 0, channel, pitch, velocity)
                case .noteOff(let channel, let pitch, _):
                    (isOn, c, p, v) = (false, channel, pitch, 0)
                default:
                    continue
                }
                let key = Int(c & 0x0F) << 7 | Int(p & 0x7F)
                if isOn {
                    // Step 2: a note-on opens a note at the back of its queue.
                    let index = Int32(found.count)
                    found.append(MIDINote(channel: c, pitch: p, velocity: v, start: events[i].tick, end: -1))
                    next.append(-1)
                    if tail[key] >= 0 { next[Int(tail[key])] = index } else { head[key] = index }
                    tail[key] = index
                } else {
                    // Step 3: a note-off (or note-on velocity 0) closes the note at the front of its queue.
                    let first = Int(head[key])
                    guard first >= 0 else { continue }
                    found[first].end = events[i].tick
                    closedCount += 1
                    head[key] = next[first]
                    if head[key] < 0 { tail[key] = -1 }
                }
            }
        }
        // Step 4: split off the notes never closed.
        if closedCount == found.count { return MIDITrackNotes(notes: found, unterminated: []) }
        let lastTick = events.last?.tick ?? 0
        var notes: [MIDINote] = []
        var unterminated: [MIDINote] = []
        notes.reserveCapacity(closedCount)
        for var note in found {
            if note.end >= 0 {
                notes.append(note)
            } else {
                note.end = lastTick
                unterminated.append(note)
            }
        }
        return MIDITrackNotes(notes: notes, unterminated: unterminated)
    }
}
