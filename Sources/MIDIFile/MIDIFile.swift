// MIDIFile module: see README.md in this folder for its design notes.

/// A Standard MIDI File as its raw parts: format, time base and tracks of timed events.
///
/// Read one with `MIDIFile(bytes:)`, write one with `bytes()`. Converting to and from a `Score`
/// lives in `MIDIFile+Score.swift` and `Score+MIDI.swift`.
public struct MIDIFile: Sendable, Hashable {
    /// How the tracks relate to each other (SMF format 0, 1 or 2).
    public var format: MIDIFileFormat
    /// The time base: ticks per quarter note, or SMPTE frames.
    public var division: MIDIDivision
    /// The `MTrk` chunks, in file order.
    public var tracks: [MIDITrack]

    /// Creates a file from its parts.
    public init(format: MIDIFileFormat, division: MIDIDivision, tracks: [MIDITrack]) {
        self.format = format
        self.division = division
        self.tracks = tracks
    }
}

/// The SMF format word: how a file's tracks relate.
public enum MIDIFileFormat: Int, Sendable, Hashable, CaseIterable {
    /// Format 0: one track holding every channel.
    case singleTrack = 0
    /// Format 1: simultaneous tracks sharing one timeline (the first usually holds tempo and meter).
    case multiTrack = 1
    /// Format 2: independent sequences, each with its own timeline starting at tick 0.
    case multiSequence = 2
}

/// The header's division word: what one tick means.
public enum MIDIDivision: Sendable, Hashable {
    /// Metrical time: this many ticks make one quarter note (1...32767).
    case ticksPerQuarter(Int)
    /// Absolute time: `framesPerSecond` (24, 25, 29 = 30 drop-frame, 30) times `ticksPerFrame` ticks per second.
    case smpte(framesPerSecond: Int, ticksPerFrame: Int)

    /// The ticks per quarter note, or `nil` for SMPTE time.
    public var ticksPerQuarter: Int? {
        if case .ticksPerQuarter(let n) = self { return n }
        return nil
    }
}

/// One `MTrk` chunk: events in the order they appear, each at an absolute tick.
public struct MIDITrack: Sendable, Hashable {
    /// The events, with non-decreasing ticks.
    public var events: [MIDITrackEvent]

    /// Creates a track from its events (ticks must not decrease for the track to be writable).
    public init(events: [MIDITrackEvent] = []) {
        self.events = events
    }

    /// The delta time before each event, as stored in the file (tick minus the previous event's tick).
    public var deltaTimes: [Int] {
        var previous = 0
        return events.map { e in
            defer { previous = e.tick }
            return e.tick - previous
        }
    }

    /// The text of the first track-name meta event, if any (bytes decoded as UTF-8, else Latin-1).
    public var name: String? {
        for e in events {
            if case .meta(.text(.trackName, let bytes)) = e.event { return MIDITextKind.string(from: bytes) }
        }
        return nil
    }
}

/// An event at an absolute tick within its track.
///
/// The file stores delta times; the reader adds them up so every event knows its absolute tick,
/// and the writer turns ticks back into deltas (see `MIDITrack.deltaTimes`).
public struct MIDITrackEvent: Sendable, Hashable {
    /// Ticks since the start of the track.
    public var tick: Int
    /// What happens at that tick.
    public var event: MIDIEvent

    /// Creates an event at `tick`.
    public init(tick: Int, event: MIDIEvent) {
        self.tick = tick
        self.event = event
    }
}
