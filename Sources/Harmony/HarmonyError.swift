import Notation

/// Everything that can go wrong in the Harmony module. Each case says where (style name, bar, time,
/// part) and its message says what to do.
public enum HarmonyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A style name that is not in the catalogue; `suggestion` is the nearest known name, if any is close.
    case unknownStyle(name: String, suggestion: String?)
    /// A meter the style does not allow (e.g. a jig in 3/4).
    case meterNotAllowed(style: String, meter: String, allowed: [String])
    /// A pickup that is negative or not shorter than a bar.
    case invalidAnacrusis(length: Rational, barLength: Rational)
    /// The melody has no notes to harmonise.
    case emptyMelody
    /// A chord sequence with nothing in it, or chords given out of time order.
    case invalidChordSequence(reason: String)
    /// A voice range that reaches outside MIDI 0...127 or is too narrow (under an octave) to hold every chord tone.
    case invalidVoiceRange(voice: String, range: ClosedRange<Int>)
    /// No voicing of a chord fits the declared voice ranges and spacing rules.
    case noVoicing(chord: String, index: Int)
    /// A note fell outside its instrument's declared range.
    case noteOutOfRange(part: String, pitch: Int, range: ClosedRange<Int>, onset: Rational)
    /// A row of the rhythm table whose grid does not parse or does not fill its bar.
    case invalidTemplate(id: String, reason: String)
    /// A Notation value could not be built (should not happen for checked input).
    case notation(NotationError)

    public var description: String {
        switch self {
        case .unknownStyle(let name, let suggestion):
            let known = Style.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            if let suggestion { return "unknown style '\(name)': did you mean '\(suggestion)'? (known: \(known))" }
            return "unknown style '\(name)': use one of \(known)"
        case .meterNotAllowed(let style, let meter, let allowed):
            return "style \(style) does not allow meter \(meter): use one of \(allowed.joined(separator: ", "))"
        case .invalidAnacrusis(let length, let barLength):
            return "pickup of \(length) quarter notes must be at least 0 and shorter than the bar (\(barLength))"
        case .emptyMelody:
            return "the melody has no notes: give at least one note to harmonise"
        case .invalidChordSequence(let reason):
            return "invalid chord sequence: \(reason); give chord symbols in time order, inside the tune"
        case .invalidVoiceRange(let voice, let range):
            return "\(voice) range \(range.lowerBound)...\(range.upperBound) must lie in 0...127 and span at least an octave"
        case .noVoicing(let chord, let index):
            return "chord \(index) (\(chord)) has no voicing inside the voice ranges: widen the ranges"
        case .noteOutOfRange(let part, let pitch, let range, let onset):
            return "part \(part): pitch \(pitch) at \(onset) is outside its range \(range.lowerBound)...\(range.upperBound); "
                + "widen the instrument's range or the voice ranges"
        case .invalidTemplate(let id, let reason):
            return "rhythm template \(id): \(reason); fix its row in RhythmTable.swift"
        case .notation(let error):
            return "notation: \(error)"
        }
    }
}
