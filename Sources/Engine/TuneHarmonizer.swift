import Harmony
import NeuralCore
import Notation
import Tokens

/// Harmonizes a melody a user brings: chord symbols, voicing and accompaniment added, the melody untouched.
public enum TuneHarmonizer {
    /// The score with its first melodic part kept as it is (chord symbols added to it) and the style's
    /// Chords, Bass (and Drums) parts after it. Key and meter come from the score (C major and 4/4 when it
    /// has none); the style must allow the meter. Random choices (accompaniment patterns) use `seed`.
    public static func harmonize(_ score: Score, style: Style, seed: UInt64 = 1, drums: Bool? = nil) throws(EngineError) -> Composition {
        guard var lead = score.parts.first(where: { $0.channel != 9 && !$0.voices.flatMap(\.notes).isEmpty }) else {
            throw .notation("the tune has no melody (every part is empty or drums)")
        }
        let meter = score.meterChanges.first?.meter ?? .fourFour
        let key = score.keyChanges.first?.key ?? .cMajor
        guard style.allows(meter) else {
            throw .invalidOption(option: "--style", reason: "\(style.name) is not played in \(meter) (it takes \(style.meters.map(\.meter.description).joined(separator: ", "))); try --style folk")
        }
        // The harmonizer reads one line: the top note of each chord, overlaps cut.
        let line = Melody(style: "folk", meter: meter, key: key, anacrusis: score.anacrusis,
                          voice: Voice(name: "Melody", events: lead.voices.flatMap(\.events)))
        var rng = Xoshiro256StarStar(seed: seed ^ 0x6172_726E)
        let arrangement: Arrangement
        do {
            arrangement = try Arranger.arrange(melody: Voice(name: "Melody", events: line.events), key: key, meter: meter,
                                               style: style, anacrusis: score.anacrusis,
                                               options: AccompanimentOptions(drums: drums), using: &rng)
        } catch { throw .harmony(error) }
        lead.chordSymbols = []
        var result = score
        result.parts = [lead] + arrangement.accompaniment.parts
        if result.meterChanges.isEmpty { result.meterChanges = [MeterChange(meter: meter)] }
        if result.keyChanges.isEmpty { result.keyChanges = [KeyChange(key: key)] }
        let chords = arrangement.harmonization.chords
        let report = CompositionReport(
            style: style.name, bars: 0, meter: meter.description, key: key.description, keyDrawn: false, form: "",
            barsPerPart: 0, anacrusis: score.anacrusis.description, seed: seed, seedUsed: seed, attempts: 0,
            beatsPerMinute: Int(score.tempo(at: .zero).doubleValue.rounded()), endsOnTonic: line.notes.last?.pitch.pitchClass == key.tonic.pitchClass,
            notes: line.notes.count, instrument: lead.name, program: lead.program, octaveShift: 0,
            chords: chords.map(\.symbol.description), parts: result.parts.map(\.name), novelty: nil)
        return Composition(score: result, melody: line, tokens: [], chords: chords, report: report,
                           voicings: arrangement.accompaniment.voicings)
    }
}
