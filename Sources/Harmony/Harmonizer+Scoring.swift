import Notation

extension Harmonizer {
    /// How much a position in the bar counts: 1 on the bar line, 0.8 on the middle beat, 0.6 on other
    /// beats, 0.35 on half-beats, 0.2 elsewhere.
    func metricWeight(atOffset offset: Rational) -> Double {
        if offset == .zero { return 1 }
        let onsets = meter.beatOnsets
        if onsets.contains(offset) {
            return onsets.count % 2 == 0 && offset == onsets[onsets.count / 2] ? 0.8 : 0.6
        }
        for (i, start) in onsets.enumerated() {
            let beat = meter.beats[i]
            if offset > start && offset < start + beat {
                // Compound beats divide in three, simple beats in two.
                let divisions = meter.isCompound ? 3 : 2
                let unit = beat / Rational(divisions)
                return ((offset - start) / unit).isInteger ? 0.35 : 0.2
            }
        }
        return 0.2
    }

    /// Weight of each pitch class sounding in [from, from + length): the metric weight where the note is
    /// first heard in the segment, scaled by its length there (a beat or more counts fully, shorter notes
    /// proportionally, with a floor of a quarter).
    func noteWeights(_ notes: [Note], from start: Rational, length: Rational) -> [Int: Double] {
        let end = start + length
        let beat = meter.beats[0]
        var weights: [Int: Double] = [:]
        for note in notes where note.onset < end && note.end > start {
            let from = max(note.onset, start)
            let heard = min(note.end, end) - from
            let barOffset = (from - anacrusis) - meter.barLength * Rational(((from - anacrusis) / meter.barLength).floor)
            let metric = metricWeight(atOffset: barOffset)
            let share = min(1, max(0.25, (heard / beat).doubleValue))
            weights[note.pitch.pitchClass, default: 0] += metric * share
        }
        return weights
    }

    /// Score for moving from one chord to the next (roots compared as pitch classes).
    func transition(_ from: ScaleChord, _ to: ScaleChord, sameBar: Bool) -> Double {
        let a = key.scalePitchClasses[from.degree], b = key.scalePitchClasses[to.degree]
        var score: Double
        switch (b - a + 12) % 12 {
        case 0: score = from == to ? (sameBar ? 0.3 : 0.1) : 0.05
        case 5: score = 0.5   // down a fifth: V–I, ii–V, vi–ii
        case 7: score = 0.2   // up a fifth: I–V, IV–I
        case 2: score = 0.25  // step up: IV–V, bVII–I
        case 10: score = 0.15 // step down
        default: score = 0    // thirds and the rest
        }
        if from.quality == .dominantSeventh {
            score += to.isTonic ? 0.4 : -0.8
        }
        if key.mode == .major && from.degree == 4 && to.degree == 3 { score -= 0.2 } // V–IV retrogression
        return score
    }

    /// Cadence bonuses: the first segment favours the tonic; the last segment of an 8-bar phrase (and of
    /// the tune) the tonic, the segment before it a dominant; the end of a 4-bar phrase a half cadence or
    /// the tonic.
    func cadenceBonus(_ chord: ScaleChord, segment s: Int, bar: Int, lastOfBar: Bool, totalBars: Int, count n: Int,
                      grid: [(bar: Int, onset: Rational, length: Rational)]) -> Double {
        let dominant = chord.dominantStrength(in: key.mode)
        var bonus = 0.0
        if s == 0 && chord.isTonic { bonus += 1 }
        let phraseEnd = bar == totalBars - 1 || bar % 8 == 7
        if phraseEnd && lastOfBar && chord.isTonic { bonus += 1.5 }
        // The segment just before a phrase-ending tonic.
        if s + 1 < n {
            let nextBar = grid[s + 1].bar
            let nextIsPhraseEndSegment = (nextBar == totalBars - 1 || nextBar % 8 == 7)
                && (s + 2 == n || grid[s + 2].bar != nextBar)
            if nextIsPhraseEndSegment { bonus += 1.5 * dominant }
        }
        if bar % 8 == 3 && bar != totalBars - 1 && lastOfBar {
            bonus += chord.isTonic ? 0.6 : 0.8 * dominant
        }
        return bonus
    }
}
