import Notation

/// A monophonic tune as the tokenizer sees it: notes and rests in time order, with the header the model is
/// conditioned on.
public struct Melody: Sendable, Hashable, Codable {
    /// Style label (one of ``Vocabulary/styles``; `folk` when unknown).
    public var style: String
    /// The meter (a single meter for the whole tune).
    public var meter: Meter
    /// The key; pitches are tokenized relative to its tonic.
    public var key: Key
    /// The pickup before the first full bar, in quarter notes (0 for none).
    public var anacrusis: Rational
    /// Notes and rests, in time order, not overlapping.
    public var events: [MusicEvent]

    /// Creates a melody.
    public init(style: String, meter: Meter, key: Key, anacrusis: Rational = .zero, events: [MusicEvent]) {
        self.style = style
        self.meter = meter
        self.key = key
        self.anacrusis = anacrusis
        self.events = events
    }

    /// The melody of a voice: chords reduced to their highest note (the tune as a fiddler plays the top line).
    public init(style: String, meter: Meter, key: Key, anacrusis: Rational = .zero, voice: Voice) {
        let events = voice.events.map { event -> MusicEvent in
            if case .chord(let c) = event, let top = c.pitches.last {
                return .note(try! Note(pitch: top, onset: c.onset, duration: c.duration, velocity: c.velocity))
            }
            return event
        }
        self.init(style: style, meter: meter, key: key, anacrusis: anacrusis, events: events)
    }

    /// The sounding notes (rests left out), for comparisons: pitch, onset and duration define a melody.
    public var notes: [Note] {
        events.compactMap { if case .note(let n) = $0 { return n } else { return nil } }
    }

    /// Where the melody ends.
    public var end: Rational { events.last?.end ?? .zero }

    /// The MIDI number the tonic takes in token space: the tonic's pitch class in the octave of middle C
    /// (C4 ... B4), so that `P:0` is the tonic there. Folk tunes sit about a fifth below to an octave and a
    /// fifth above their tonic in that octave, whatever the key (a tune in G spans D4–B5, one in D A3–B5),
    /// so the same token means the same scale degree in the same register across keys.
    public static func tonicReference(_ key: Key) -> Int {
        60 + key.tonic.pitchClass
    }
}
