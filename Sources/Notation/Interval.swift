/// A distance between two pitches, with its diatonic size so that it can be spelled (a major third is
/// four semitones spanning two letter steps; a diminished fourth is also four semitones, spanning three).
public struct Interval: Sendable, Hashable, Codable, Comparable {
    /// The size in semitones (negative for a descending interval).
    public let semitones: Int
    /// The number of letter steps (0 for a unison, 2 for a third, 7 for an octave; negative when descending).
    public let steps: Int

    /// Creates an interval from semitones and letter steps.
    public init(semitones: Int, steps: Int) {
        self.semitones = semitones
        self.steps = steps
    }

    /// Creates an interval from semitones alone, with the most common spelling of that size.
    public init(semitones: Int) {
        let table = [0, 1, 1, 2, 2, 3, 3, 4, 5, 5, 6, 6] // m2, M2, m3 ... steps for each size mod 12
        let sign = semitones < 0 ? -1 : 1
        let m = abs(semitones)
        self.init(semitones: semitones, steps: sign * (table[m % 12] + 7 * (m / 12)))
    }

    public static let unison = Interval(semitones: 0, steps: 0)
    public static let minorSecond = Interval(semitones: 1, steps: 1)
    public static let majorSecond = Interval(semitones: 2, steps: 1)
    public static let minorThird = Interval(semitones: 3, steps: 2)
    public static let majorThird = Interval(semitones: 4, steps: 2)
    public static let perfectFourth = Interval(semitones: 5, steps: 3)
    public static let tritone = Interval(semitones: 6, steps: 3)
    public static let perfectFifth = Interval(semitones: 7, steps: 4)
    public static let minorSixth = Interval(semitones: 8, steps: 5)
    public static let majorSixth = Interval(semitones: 9, steps: 5)
    public static let minorSeventh = Interval(semitones: 10, steps: 6)
    public static let majorSeventh = Interval(semitones: 11, steps: 6)
    public static let octave = Interval(semitones: 12, steps: 7)

    /// The interval from `a` up (or down) to `b`, counted in semitones and letter steps.
    public static func between(_ a: SpelledNote, _ b: SpelledNote) -> Interval {
        let steps = (b.octave * 7 + b.letter.index) - (a.octave * 7 + a.letter.index)
        return Interval(semitones: b.semitonesFromC0 - a.semitonesFromC0, steps: steps)
    }

    /// The same interval in the other direction.
    public var inverted: Interval { Interval(semitones: -semitones, steps: -steps) }

    /// The interval reduced to within an octave (direction kept).
    public var simple: Interval {
        let sign = semitones < 0 || (semitones == 0 && steps < 0) ? -1 : 1
        let octaves = abs(steps) / 7
        return Interval(semitones: semitones - sign * 12 * octaves, steps: steps - sign * 7 * octaves)
    }

    /// True for perfect fifths and octaves/unisons (the intervals voice-leading rules watch).
    public var isPerfectFifthOrOctave: Bool {
        let s = abs(semitones) % 12
        return s == 7 || s == 0
    }

    public static func < (a: Interval, b: Interval) -> Bool {
        (a.semitones, a.steps) < (b.semitones, b.steps)
    }
}

extension Interval: CustomStringConvertible {
    /// A name such as `M3`, `P5`, `m7`, `d4`, `A2` (with `-` for descending).
    public var description: String {
        let s = simple
        let n = abs(s.steps) % 7
        let perfect: Set<Int> = [0, 3, 4]
        let natural = [0, 2, 4, 5, 7, 9, 11][n] // major/perfect size for this step count
        let diff = abs(s.semitones) - natural
        let quality: String
        if perfect.contains(n) {
            quality = diff == 0 ? "P" : diff > 0 ? String(repeating: "A", count: diff) : String(repeating: "d", count: -diff)
        } else {
            switch diff {
            case 0: quality = "M"
            case -1: quality = "m"
            case let d where d > 0: quality = String(repeating: "A", count: d)
            default: quality = String(repeating: "d", count: -diff - 1)
            }
        }
        let number = abs(steps) + 1
        return (semitones < 0 || steps < 0 ? "-" : "") + quality + "\(number)"
    }
}
