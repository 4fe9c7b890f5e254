import Notation

/// The MIDI ranges of the four voices of a chord realisation.
public struct VoiceRanges: Sendable, Hashable, Codable {
    /// The lowest voice (the chord's bass note).
    public var bass: ClosedRange<Int>
    /// Lowest upper voice.
    public var tenor: ClosedRange<Int>
    /// Middle upper voice.
    public var alto: ClosedRange<Int>
    /// Highest voice.
    public var soprano: ClosedRange<Int>

    /// Creates voice ranges.
    public init(bass: ClosedRange<Int>, tenor: ClosedRange<Int>, alto: ClosedRange<Int>, soprano: ClosedRange<Int>) {
        self.bass = bass
        self.tenor = tenor
        self.alto = alto
        self.soprano = soprano
    }

    /// The usual choir ranges: bass E2–C4, tenor C3–G4, alto G3–C5, soprano C4–G5.
    public static let satb = VoiceRanges(bass: 40...60, tenor: 48...67, alto: 55...72, soprano: 60...79)

    /// Ranges for a guitar or piano comping under a tune: bass E2–C4, upper voices between D3 and E5.
    public static let accompaniment = VoiceRanges(bass: 40...60, tenor: 50...64, alto: 55...69, soprano: 59...76)

    /// The three upper ranges, lowest first.
    public var upper: [ClosedRange<Int>] { [tenor, alto, soprano] }
}

/// A chord realised as four pitches: a bass and three upper voices (lowest first).
public struct VoicedChord: Sendable, Hashable {
    /// The chord symbol realised.
    public var symbol: ChordSymbol
    /// The bass note.
    public var bass: Pitch
    /// Tenor, alto, soprano.
    public var upper: [Pitch]

    /// Bass first, then the upper voices.
    public var pitches: [Pitch] { [bass] + upper }
}

/// The static rules a single voicing must meet.
public enum VoicingRules {
    /// True when the four pitch classes make a complete, correctly doubled chord: every chord tone present
    /// (a four-note chord may omit its fifth), the only doubled pitch class is the root (either voice of a
    /// two-note chord may double), and the key's leading tone is never doubled.
    public static func isComplete(bass: Int, upper: [Int], chord: ChordSymbol, leadingTone: Int?) -> Bool {
        let tones = chord.pitchClasses
        let all = [bass % 12] + upper.map { $0 % 12 }
        var counts: [Int: Int] = [:]
        for pc in all { counts[pc, default: 0] += 1 }
        var required = Set(tones)
        if tones.count >= 4 { required.remove(tones[2]) }
        guard required.isSubset(of: counts.keys) else { return false }
        // Upper voices hold chord tones only (a slash bass may be a non-chord tone).
        guard upper.allSatisfy({ tones.contains($0 % 12) }) else { return false }
        for (pc, count) in counts where count > 1 {
            if let leadingTone, pc == leadingTone { return false }
            if Set(tones).count >= 3 && pc != chord.root.pitchClass { return false }
        }
        return true
    }

    /// True when the voices are in order without unisons, the bass is below the tenor, and adjacent upper
    /// voices lie within an octave.
    public static func isSpaced(bass: Int, upper: [Int]) -> Bool {
        guard bass < upper[0] else { return false }
        for i in 1..<upper.count {
            guard upper[i] > upper[i - 1], upper[i] - upper[i - 1] <= 12 else { return false }
        }
        return true
    }

    /// Every voicing of a chord that meets the static rules inside the ranges, in a fixed order
    /// (bass, then tenor, alto, soprano ascending).
    public static func candidates(for chord: ChordSymbol, ranges: VoiceRanges, leadingTone: Int?) -> [VoicedChord] {
        let tones = Set(chord.pitchClasses)
        let bassPC = chord.bassPitchClass
        let basses = ranges.bass.filter { $0 % 12 == bassPC }
        let options = ranges.upper.map { range in range.filter { tones.contains($0 % 12) } }
        var result: [VoicedChord] = []
        for b in basses {
            for t in options[0] where t > b {
                for a in options[1] where a > t && a - t <= 12 {
                    for s in options[2] where s > a && s - a <= 12 {
                        guard isComplete(bass: b, upper: [t, a, s], chord: chord, leadingTone: leadingTone) else { continue }
                        result.append(VoicedChord(symbol: chord, bass: Pitch.unchecked(b),
                                                  upper: [Pitch.unchecked(t), Pitch.unchecked(a), Pitch.unchecked(s)]))
                    }
                }
            }
        }
        return result
    }
}

extension Pitch {
    /// A pitch from a number already known to be in 0...127 (voice ranges are checked on creation).
    static func unchecked(_ midi: Int) -> Pitch { try! Pitch(midi: midi) }
}
