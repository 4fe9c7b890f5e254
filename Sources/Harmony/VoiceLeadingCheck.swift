import Notation

/// Counts voice-leading faults between chords or between lines; the engine's checks use these too.
public enum VoiceLeadingCheck {
    /// Consecutive perfect fifths or octaves (unisons and compound intervals included, contrary motion
    /// included) between two voices moving from (a1, b1) to (a2, b2): both voices move and the interval
    /// class is 0 or 7 in both chords.
    public static func isParallelPerfect(_ a1: Int, _ b1: Int, _ a2: Int, _ b2: Int) -> Bool {
        guard a1 != a2, b1 != b2 else { return false }
        let first = abs(b1 - a1) % 12, second = abs(b2 - a2) % 12
        return first == second && (first == 0 || first == 7)
    }

    /// A hidden (direct) fifth or octave: both voices move in the same direction into a perfect fifth or
    /// octave that was not one before (strict form: no exception for a soprano step).
    public static func isHiddenPerfect(lower a1: Int, upper b1: Int, lower a2: Int, upper b2: Int) -> Bool {
        let da = a2 - a1, db = b2 - b1
        guard da != 0, db != 0, (da > 0) == (db > 0) else { return false }
        let interval = abs(b2 - a2) % 12
        guard interval == 0 || interval == 7 else { return false }
        return !isParallelPerfect(a1, b1, a2, b2)
    }

    /// Voice overlap: a voice moves past where its neighbour just was (lower voice above the upper's old
    /// pitch, or upper below the lower's old pitch). Voices are given lowest first.
    public static func overlaps(_ previous: [Int], _ next: [Int]) -> Bool {
        for i in 0..<(min(previous.count, next.count) - 1) {
            if next[i] > previous[i + 1] || next[i + 1] < previous[i] { return true }
        }
        return false
    }

    /// Number of consecutive-perfect faults between two chords of equal size (every pair of voices).
    public static func parallelCount(_ previous: [Int], _ next: [Int]) -> Int {
        var count = 0
        for i in 0..<previous.count {
            for j in (i + 1)..<previous.count where isParallelPerfect(previous[i], previous[j], next[i], next[j]) {
                count += 1
            }
        }
        return count
    }

    /// The figures of a realised progression (each chord lowest voice first, the bass at index 0).
    public struct Report: Sendable, Hashable {
        /// Total semitones moved by the voices above the bass.
        public var upperMovement: Int
        /// Total semitones moved by the bass.
        public var bassMovement: Int
        /// Consecutive fifths/octaves between any two voices, summed over every chord change.
        public var parallels: Int
        /// Hidden fifths/octaves between the outer voices.
        public var hiddenOuter: Int
        /// Chord changes where voices overlap.
        public var overlaps: Int
    }

    /// Measures a progression of chords of equal size (bass first in each).
    public static func report(_ chords: [[Int]]) -> Report {
        var r = Report(upperMovement: 0, bassMovement: 0, parallels: 0, hiddenOuter: 0, overlaps: 0)
        for (previous, next) in zip(chords, chords.dropFirst()) {
            r.bassMovement += abs(next[0] - previous[0])
            for v in 1..<previous.count { r.upperMovement += abs(next[v] - previous[v]) }
            r.parallels += parallelCount(previous, next)
            if isHiddenPerfect(lower: previous[0], upper: previous[previous.count - 1],
                               lower: next[0], upper: next[next.count - 1]) { r.hiddenOuter += 1 }
            if overlaps(previous, next) { r.overlaps += 1 }
        }
        return r
    }

    /// Measures realised chords.
    public static func report(_ chords: [VoicedChord]) -> Report {
        report(chords.map { $0.pitches.map(\.midi) })
    }

    /// Consecutive fifths/octaves between every pair of lines. Each voice is read as a monophonic line (a
    /// chord event counts by its lowest pitch); at every onset of either voice where both sound, a pair
    /// that moves from one perfect fifth/octave to the same interval class with both voices moving counts one.
    public static func parallelFifthsAndOctaves(in voices: [Voice]) -> Int {
        var count = 0
        for i in 0..<voices.count {
            for j in (i + 1)..<voices.count { count += parallels(voices[i], voices[j]) }
        }
        return count
    }

    static func parallels(_ a: Voice, _ b: Voice) -> Int {
        let times = Set(a.events.map(\.onset) + b.events.map(\.onset)).sorted()
        var previous: (Int, Int)?
        var count = 0
        for t in times {
            guard let pa = sounding(a, at: t), let pb = sounding(b, at: t) else { previous = nil; continue }
            if let (qa, qb) = previous, isParallelPerfect(qa, qb, pa, pb) { count += 1 }
            previous = (pa, pb)
        }
        return count
    }

    /// The lowest pitch a voice sounds at a time, or nil during a rest or silence.
    static func sounding(_ voice: Voice, at t: Rational) -> Int? {
        guard let event = voice.events.last(where: { $0.onset <= t && $0.end > t }) else { return nil }
        return event.pitches.first?.midi
    }
}
