#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A sounding pitch as a MIDI note number, 0...127. Middle C is 60 and is called C4.
///
/// A `Pitch` carries no spelling: C#4 and Db4 are the same pitch. Use ``SpelledNote`` for a written note.
/// Out-of-range values throw ``NotationError/pitchOutOfRange(_:)``; they are never clamped.
public struct Pitch: Sendable, Hashable, Comparable, Codable {
    /// The MIDI note number, 0...127.
    public let midi: Int

    /// Middle C: MIDI 60, scientific name C4 (the convention of the MIDI Manufacturers Association).
    public static let middleC = Pitch(uncheckedMIDI: 60)
    /// Concert A (440 Hz): MIDI 69, A4.
    public static let concertA = Pitch(uncheckedMIDI: 69)
    /// The valid MIDI range.
    public static let range: ClosedRange<Int> = 0...127

    /// Creates a pitch from a MIDI note number; throws when it is outside 0...127.
    public init(midi: Int) throws(NotationError) {
        guard Pitch.range.contains(midi) else { throw .pitchOutOfRange(midi) }
        self.midi = midi
    }

    init(uncheckedMIDI midi: Int) { self.midi = midi }

    /// The pitch class, 0 (C) ... 11 (B).
    public var pitchClass: Int { midi % 12 }

    /// The octave in scientific pitch notation (middle C is in octave 4; MIDI 0 is C-1).
    public var octave: Int { midi / 12 - 1 }

    /// The pitch `semitones` higher (or lower when negative); throws when it leaves the MIDI range.
    public func transposed(by semitones: Int) throws(NotationError) -> Pitch {
        try Pitch(midi: midi + semitones)
    }

    /// The pitch moved by an interval; throws when it leaves the MIDI range.
    public func transposed(by interval: Interval) throws(NotationError) -> Pitch {
        try transposed(by: interval.semitones)
    }

    /// The frequency in hertz in twelve-tone equal temperament with A4 = 440 Hz.
    public var frequency: Double {
        440.0 * exp2((Double(midi) - 69.0) / 12.0)
    }

    public static func < (a: Pitch, b: Pitch) -> Bool { a.midi < b.midi }

    public init(from decoder: Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Int.self)
        do { try self.init(midi: value) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(midi)
    }
}

extension Pitch: CustomStringConvertible {
    /// The pitch named with sharps, e.g. `C4`, `F#5`.
    public var description: String {
        let names = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
        return "\(names[pitchClass])\(octave)"
    }
}
