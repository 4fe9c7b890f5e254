import Foundation

/// The notes of a file per track, in ticks: the `compose inspect --json` layout, and what
/// Scripts/midi/crosscheck.py compares with symusic and mido.
///
///     {"format":1,"ticksPerQuarter":480,"tracks":[{"name":"Flute","notes":[{"channel":0,"end":480,
///      "pitch":60,"start":0,"velocity":90}],"unterminated":[]}]}
///
/// Notes are paired by the rule in MIDITrack+Notes.swift; `unterminated` lists the note-ons never switched
/// off (dropped from `notes`; their `end` is the track's last tick). `ticksPerQuarter` is absent for SMPTE
/// files (then `framesPerSecond` and `ticksPerFrame` are given).
public struct MIDIInspection: Sendable, Hashable, Codable {
    /// One note, in ticks.
    public struct Note: Sendable, Hashable, Codable {
        public var pitch, start, end, velocity, channel: Int
    }
    /// One MTrk chunk: its name (empty when it has none) and notes.
    public struct Track: Sendable, Hashable, Codable {
        public var name: String
        public var notes: [Note]
        public var unterminated: [Note]
    }
    /// The SMF format (0, 1 or 2).
    public var format: Int
    /// Ticks per quarter note, or `nil` for SMPTE time.
    public var ticksPerQuarter: Int?
    /// SMPTE frames per second, for SMPTE time only.
    public var framesPerSecond: Int?
    /// SMPTE ticks per frame, for SMPTE time only.
    public var ticksPerFrame: Int?
    /// The tracks in file order.
    public var tracks: [Track]

    /// The inspection of `file`.
    public init(_ file: MIDIFile) {
        format = file.format.rawValue
        switch file.division {
        case .ticksPerQuarter(let n): ticksPerQuarter = n
        case .smpte(let fps, let tpf): (framesPerSecond, ticksPerFrame) = (fps, tpf)
        }
        tracks = file.tracks.map { track in
            let paired = track.notes()
            func convert(_ n: MIDINote) -> Note {
                Note(pitch: Int(n.pitch), start: n.start, end: n.end, velocity: Int(n.velocity), channel: Int(n.channel))
            }
            return Track(name: track.name ?? "", notes: paired.notes.map(convert), unterminated: paired.unterminated.map(convert))
        }
    }

    /// The JSON text (keys sorted, no extra whitespace).
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain integers and strings cannot fail.
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
