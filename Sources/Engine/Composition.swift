import Harmony
import Notation
import Tokens

/// A composed tune: the score (melody, chords, bass, drums), the melody as the model wrote it, and a report.
public struct Composition: Sendable {
    /// The full score: a `Melody` part (channel 0) and, with accompaniment, `Chords`, `Bass` and `Drums`.
    public var score: Score
    /// The melody in token space (pitches as the model wrote them, before the instrument's octave shift).
    public var melody: Melody
    /// The body tokens the model and the motif wrote (after the header, `<eos>` included).
    public var tokens: [Int]
    /// The chord symbols, one per harmonic segment.
    public var chords: [TimedChordSymbol]
    /// What was chosen and checked.
    public var report: CompositionReport
    /// The accompaniment's voiced chords (bass + three upper voices), empty without accompaniment.
    public var voicings: [VoicedChord] = []

    /// The melody part alone with its chord symbols (what ABC output writes).
    public var leadSheet: Score {
        var sheet = score
        sheet.parts = score.parts.prefix(1).map { part in
            var p = part
            p.chordSymbols = chords
            return p
        }
        return sheet
    }
}

/// What the engine chose and measured for one composition (the `--json` summary and `--novelty-report`).
public struct CompositionReport: Sendable, Hashable, Codable {
    /// Style name.
    public var style: String
    /// Full bars.
    public var bars: Int
    /// Meter as written.
    public var meter: String
    /// Key (`D major`, `A dorian`).
    public var key: String
    /// True when the key was drawn from the style's corpus distribution.
    public var keyDrawn: Bool
    /// The form's letters and bars per part.
    public var form: String
    /// Bars per part.
    public var barsPerPart: Int
    /// Pickup length in quarter notes (`0`, `1/2`).
    public var anacrusis: String
    /// The seed asked for.
    public var seed: UInt64
    /// The seed whose melody was kept (differs when a melody was resampled for novelty).
    public var seedUsed: UInt64
    /// Melodies sampled (1 unless some shared too long a run with the corpus).
    public var attempts: Int
    /// Tempo in beats per minute of the meter's beat.
    public var beatsPerMinute: Int
    /// True when the last note is the tonic (the mode's final).
    public var endsOnTonic: Bool
    /// Melody notes (ties merged).
    public var notes: Int
    /// The melody's instrument and GM program.
    public var instrument: String
    /// GM program of the melody.
    public var program: Int
    /// Semitones the melody was moved (whole octaves) to sit in its instrument's range.
    public var octaveShift: Int
    /// Chord symbols in order, one per harmonic segment.
    public var chords: [String]
    /// Track names in the score.
    public var parts: [String]
    /// The longest run of notes shared with a corpus tune (nil when no index was used).
    public var novelty: SharedRun?
}
