/// One event of a MIDI track: a channel message, a system-exclusive message or a meta event.
///
/// Channel numbers are 0...15 (shown to musicians as 1...16); data values are 0...127, pitch bend
/// 0...16383 with 8192 the centre. Decoding and encoding live beside each kind:
/// `MIDIEvent+Channel.swift`, `MIDIEvent+SysEx.swift`, `MIDIMetaEvent.swift`.
public enum MIDIEvent: Sendable, Hashable {
    /// 0x8n: a key released.
    case noteOff(channel: UInt8, note: UInt8, velocity: UInt8)
    /// 0x9n: a key pressed (velocity 0 means note-off when notes are paired; the raw event keeps it as read).
    case noteOn(channel: UInt8, note: UInt8, velocity: UInt8)
    /// 0xAn: pressure on one held key.
    case polyphonicPressure(channel: UInt8, note: UInt8, pressure: UInt8)
    /// 0xBn: a controller (including channel-mode messages 120...127).
    case controlChange(channel: UInt8, controller: UInt8, value: UInt8)
    /// 0xCn: choose an instrument (GM program 0...127).
    case programChange(channel: UInt8, program: UInt8)
    /// 0xDn: pressure on the whole channel.
    case channelPressure(channel: UInt8, pressure: UInt8)
    /// 0xEn: pitch bend, 14 bits (0...16383, 8192 = no bend).
    case pitchBend(channel: UInt8, value: UInt16)
    /// 0xF0 <length> <bytes>: a system-exclusive message; `data` is everything after the length
    /// (normally ending in 0xF7), kept exactly as stored.
    case sysEx(data: [UInt8])
    /// 0xF7 <length> <bytes>: an "escape": a sysex continuation packet or arbitrary bytes to send as they are.
    case sysExEscape(data: [UInt8])
    /// 0xFF <type> <length> <bytes>: a meta event (tempo, meter, key, names, end of track, ...).
    case meta(MIDIMetaEvent)

    /// The channel (0...15) of a channel message, `nil` for sysex and meta events.
    public var channel: UInt8? {
        switch self {
        case .noteOff(let c, _, _), .noteOn(let c, _, _), .polyphonicPressure(let c, _, _),
             .controlChange(let c, _, _), .programChange(let c, _), .channelPressure(let c, _),
             .pitchBend(let c, _):
            return c
        case .sysEx, .sysExEscape, .meta:
            return nil
        }
    }
}
