import Foundation
import Notation
import Tokens

/// Summary statistics of a set of melodies, for comparing generated tunes with the corpus.
///
/// - pitch-class entropy: Shannon entropy (bits) of the pitch classes above the tonic, over all notes of
///   each tune, averaged over tunes (a tune on the 7 notes of its scale, evenly: 2.81 bits);
/// - pitch range: highest minus lowest note of each tune in semitones, averaged;
/// - intervals: share of melodic intervals between consecutive notes by size (unison, step 1–2, third
///   3–4, fourth/fifth 5–7, sixth/octave 8–12, wider than an octave), over all tunes;
/// - notes per bar: notes ÷ bars (the tune's length in bars of its meter), averaged over tunes.
public struct MelodyStatistics: Sendable, Hashable, Codable {
    /// Tunes summarised.
    public var tunes: Int
    /// Mean pitch-class entropy per tune, bits.
    public var pitchClassEntropy: Double
    /// Mean pitch range per tune, semitones.
    public var pitchRange: Double
    /// Share of intervals by bucket (``intervalBuckets`` order).
    public var intervals: [Double]
    /// Mean notes per bar.
    public var notesPerBar: Double

    /// Names of the interval buckets.
    public static let intervalBuckets = ["unison", "step (1-2)", "third (3-4)", "4th-5th (5-7)", "6th-8ve (8-12)", "> 8ve"]

    static func bucket(_ semitones: Int) -> Int {
        switch abs(semitones) {
        case 0: return 0
        case 1...2: return 1
        case 3...4: return 2
        case 5...7: return 3
        case 8...12: return 4
        default: return 5
        }
    }

    /// The statistics of `melodies` (tunes with no notes are left out).
    public init(_ melodies: [Melody]) {
        var entropy = 0.0, range = 0.0, perBar = 0.0, counted = 0
        var intervalCounts = [Int](repeating: 0, count: Self.intervalBuckets.count)
        for melody in melodies {
            let notes = melody.notes
            guard !notes.isEmpty else { continue }
            counted += 1
            var classes = [Int](repeating: 0, count: 12)
            for n in notes { classes[(n.pitch.midi - melody.key.tonic.pitchClass + 120) % 12] += 1 }
            let total = Double(notes.count)
            entropy -= classes.filter { $0 > 0 }.reduce(0.0) { $0 + Double($1) / total * log2(Double($1) / total) }
            let midis = notes.map(\.pitch.midi)
            range += Double(midis.max()! - midis.min()!)
            for (a, b) in zip(midis, midis.dropFirst()) { intervalCounts[Self.bucket(b - a)] += 1 }
            let bars = max((melody.end / melody.meter.barLength).doubleValue, 1)
            perBar += total / bars
        }
        let n = Double(max(counted, 1))
        let intervalTotal = Double(max(intervalCounts.reduce(0, +), 1))
        tunes = counted
        pitchClassEntropy = entropy / n
        pitchRange = range / n
        intervals = intervalCounts.map { Double($0) / intervalTotal }
        notesPerBar = perBar / n
    }

    /// A Markdown table of two sets side by side (rows: the statistics; columns: `a`, `b`).
    public static func table(_ a: MelodyStatistics, _ aName: String, _ b: MelodyStatistics, _ bName: String) -> String {
        func f(_ v: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", v) }
        var out = "| statistic | \(aName) (\(a.tunes) tunes) | \(bName) (\(b.tunes) tunes) |\n|---|---:|---:|\n"
        out += "| pitch-class entropy (bits) | \(f(a.pitchClassEntropy)) | \(f(b.pitchClassEntropy)) |\n"
        out += "| pitch range (semitones) | \(f(a.pitchRange, 1)) | \(f(b.pitchRange, 1)) |\n"
        out += "| notes per bar | \(f(a.notesPerBar)) | \(f(b.notesPerBar)) |\n"
        for (i, name) in intervalBuckets.enumerated() {
            out += "| intervals: \(name) | \(f(a.intervals[i] * 100, 1))% | \(f(b.intervals[i] * 100, 1))% |\n"
        }
        return out
    }
}
