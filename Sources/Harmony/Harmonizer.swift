#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Notation

/// One chord span chosen by the harmoniser.
public struct HarmonizedSegment: Sendable, Hashable {
    /// Bar number, 0-based from the first full bar.
    public var bar: Int
    /// When the segment starts, in quarter notes from the start of the melody.
    public var onset: Rational
    /// Its length.
    public var length: Rational
    /// The chosen chord.
    public var chord: ScaleChord
    /// The chord as a symbol in the key.
    public var symbol: ChordSymbol
}

/// The harmoniser's answer: the chord of every segment and the chord symbols to print.
public struct Harmonization: Sendable, Hashable {
    /// Every segment (one or two per bar), in time order.
    public var segments: [HarmonizedSegment]
    /// Chord symbols: one at each bar line, plus one mid-bar where the chord changes.
    public var chords: [TimedChordSymbol]
}

/// Chooses chords for a melody by dynamic programming (Viterbi) over the chords of the key's mode.
///
/// The melody is cut into segments (a bar or half a bar, by the style's harmonic rhythm). A chord's score
/// in a segment adds, for every melody note sounding there, a weight for its metric position and length
/// when the note is a chord tone, and subtracts part of it when it is not. Transitions score root motion
/// (down a fifth best, then steps and up a fifth) and penalise an unresolved V7. Cadences: the last segment
/// is the tonic (hard rule); the segment before it, and the end of every 8-bar phrase, favour V–I (or
/// bVII–I in modes with a flat seventh); 4-bar phrase ends favour a half cadence on V or a tonic; the first
/// segment favours the tonic. The best path through all segments is returned.
public struct Harmonizer: Sendable {
    /// The key of the melody.
    public var key: Key
    /// The meter (one meter for the whole melody).
    public var meter: Meter
    /// The style (harmonic rhythm).
    public var style: Style
    /// Length of the pickup before the first full bar; the pickup gets no chord.
    public var anacrusis: Rational

    /// Creates a harmoniser.
    public init(key: Key, meter: Meter, style: Style, anacrusis: Rational = .zero) {
        self.key = key
        self.meter = meter
        self.style = style
        self.anacrusis = anacrusis
    }

    /// The segments of the melody's bars, as (bar, onset, length).
    func segmentGrid(until end: Rational) -> [(bar: Int, onset: Rational, length: Rational)] {
        let barLength = meter.barLength
        let q = (end - anacrusis) / barLength
        let bars = max(1, q.isInteger ? q.floor : q.floor + 1)
        var grid: [(bar: Int, onset: Rational, length: Rational)] = []
        for bar in 0..<bars {
            let start = anacrusis + Rational(bar) * barLength
            for part in style.chordSegments(in: meter) {
                grid.append((bar, start + part.offset, part.length))
            }
        }
        return grid
    }

    /// The harmonisation of a melody; throws ``HarmonyError/emptyMelody`` when it has no notes.
    public func harmonize(_ melody: Voice) throws(HarmonyError) -> Harmonization {
        guard anacrusis >= .zero, anacrusis < meter.barLength else {
            throw .invalidAnacrusis(length: anacrusis, barLength: meter.barLength)
        }
        let notes = melody.notes
        guard !notes.isEmpty, melody.end > anacrusis else { throw .emptyMelody }
        let grid = segmentGrid(until: melody.end)
        let candidates = ChordVocabulary.chords(for: key.mode)
        let n = grid.count
        let totalBars = grid.last!.bar + 1

        // Emission scores, including cadence bonuses; -inf where a hard rule forbids the chord.
        var emission = Array(repeating: Array(repeating: 0.0, count: candidates.count), count: n)
        for (s, segment) in grid.enumerated() {
            let weights = noteWeights(notes, from: segment.onset, length: segment.length)
            let lastOfBar = s + 1 == n || grid[s + 1].bar != segment.bar
            for (c, chord) in candidates.enumerated() {
                let tones = Set(chord.symbol(in: key).pitchClasses)
                var score = 0.5 * log(chord.commonness)
                // Summed in pitch-class order: dictionary order varies between runs, and float sums must not.
                for (pc, w) in weights.sorted(by: { $0.key < $1.key }) { score += tones.contains(pc) ? w : -0.7 * w }
                // A seventh chord needs its seventh in the melody; otherwise the triad is the plainer choice.
                if chord.quality.intervals.count == 4 {
                    let seventh = (chord.symbol(in: key).root.pitchClass + chord.quality.intervals[3]) % 12
                    if weights[seventh] == nil { score -= 0.6 }
                }
                score += cadenceBonus(chord, segment: s, bar: segment.bar, lastOfBar: lastOfBar,
                                      totalBars: totalBars, count: n, grid: grid)
                if s == n - 1 && !chord.isTonic { score = -.infinity }
                emission[s][c] = score
            }
        }

        // Viterbi: best[s][c] is the best score of a path ending in chord c at segment s.
        var best = emission[0]
        var back = Array(repeating: Array(repeating: 0, count: candidates.count), count: n)
        for s in 1..<max(1, n) {
            var next = Array(repeating: -Double.infinity, count: candidates.count)
            for c in candidates.indices where emission[s][c] > -.infinity {
                var bestPrevious = -Double.infinity, arg = 0
                for p in candidates.indices where best[p] > -.infinity {
                    let value = best[p] + transition(candidates[p], candidates[c], sameBar: grid[s - 1].bar == grid[s].bar)
                    if value > bestPrevious { bestPrevious = value; arg = p }
                }
                next[c] = bestPrevious + emission[s][c]
                back[s][c] = arg
            }
            best = next
        }
        var path = [best.indices.max { best[$0] < best[$1] || (best[$0] == best[$1] && $0 > $1) }!]
        for s in stride(from: n - 1, to: 0, by: -1) { path.append(back[s][path.last!]) }
        path.reverse()

        var segments: [HarmonizedSegment] = []
        var symbols: [TimedChordSymbol] = []
        for (s, segment) in grid.enumerated() {
            let chord = candidates[path[s]]
            let symbol = chord.symbol(in: key)
            segments.append(HarmonizedSegment(bar: segment.bar, onset: segment.onset, length: segment.length,
                                              chord: chord, symbol: symbol))
            let barStart = s == 0 || grid[s - 1].bar != segment.bar
            if barStart || segments[s - 1].chord != chord {
                symbols.append(TimedChordSymbol(onset: segment.onset, symbol: symbol))
            }
        }
        return Harmonization(segments: segments, chords: symbols)
    }

    /// Convenience: only the chord symbols.
    public func chordSymbols(for melody: Voice) throws(HarmonyError) -> [TimedChordSymbol] {
        try harmonize(melody).chords
    }
}
