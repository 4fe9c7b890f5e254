import Notation

/// The chord spans of a sequence of timed symbols: each lasts until the next one or the end.
struct ChordSpans {
    /// A stretch of a stroke that lies under one chord.
    struct Piece {
        var onset: Rational
        var length: Rational
        var span: Int
    }

    let onsets: [Rational]
    let end: Rational

    init(chords: [TimedChordSymbol], end: Rational) {
        onsets = chords.map(\.onset)
        self.end = end
    }

    /// The stroke [from, from + length) cut at chord changes; the part before the first chord is dropped.
    func pieces(from start: Rational, length: Rational) -> [Piece] {
        var result: [Piece] = []
        var t = start
        let stop = min(start + length, end)
        while t < stop {
            guard let span = onsets.lastIndex(where: { $0 <= t }) else {
                t = min(stop, onsets[0])
                continue
            }
            let spanEnd = span + 1 < onsets.count ? min(onsets[span + 1], stop) : stop
            result.append(Piece(onset: t, length: spanEnd - t, span: span))
            t = spanEnd
        }
        return result
    }
}

extension Accompanist {
    /// The bass pitch for a bass-lane symbol under a chord span: `R` root, `F` fifth (up, or down when
    /// up leaves the range), `O` root an octave up when it fits, `T` third, `A` approach note. Pitches are
    /// moved by octaves into the bass instrument's range.
    func bassPitch(_ symbol: Character, span: Int, voicings: [VoicedChord], onset: Rational) throws(HarmonyError) -> Int {
        let range = style.instruments.bass.range
        let voicing = voicings[span]
        let root = voicing.bass.midi
        func fit(_ p: Int) -> Int {
            var q = p
            while q > range.upperBound { q -= 12 }
            while q < range.lowerBound { q += 12 }
            return q
        }
        // Chord tones are found above the sounding bass by pitch class, so a slash chord (C/E) still
        // gets its own fifth (G), not a fifth above its bass note.
        let intervals = voicing.symbol.quality.intervals
        func above(_ interval: Int) -> Int {
            let pc = (voicing.symbol.root.pitchClass + interval) % 12
            return root + 1 + ((pc - (root + 1) % 12) + 12) % 12
        }
        let up = above(intervals.count > 2 ? intervals[2] : 7)
        let fifthPitch = range.contains(up) ? up : fit(up - 12)
        let pitch: Int
        switch symbol {
        case "R": pitch = fit(root)
        case "F": pitch = fifthPitch
        case "O": pitch = range.contains(root + 12) ? root + 12 : fit(root)
        case "T": pitch = fit(above(intervals[1]))
        case "A":
            if options.walkingBass, span + 1 < voicings.count,
               voicings[span + 1].bass.pitchClass != voicing.bass.pitchClass {
                pitch = fit(approach(to: voicings[span + 1].bass.midi, from: root))
            } else {
                pitch = fifthPitch
            }
        default: pitch = fit(root)
        }
        guard range.contains(pitch) else {
            throw .noteOutOfRange(part: "Bass", pitch: pitch, range: range, onset: onset)
        }
        return pitch
    }

    /// The scale note a step below `target` (or above, whichever lies nearer to `from`), so that the
    /// bass walks into the next chord's root.
    func approach(to target: Int, from: Int) -> Int {
        let scale = Set(key.scalePitchClasses)
        var below = target - 1
        while !scale.contains(((below % 12) + 12) % 12) { below -= 1 }
        var above = target + 1
        while !scale.contains(((above % 12) + 12) % 12) { above += 1 }
        return abs(below - from) <= abs(above - from) ? below : above
    }
}
