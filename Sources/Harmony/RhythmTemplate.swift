import Notation

/// One stroke of a one-bar rhythm: when it starts in the bar, how long it lasts, what it plays.
public struct Hit: Sendable, Hashable {
    /// Offset from the bar line, in quarter notes.
    public var offset: Rational
    /// Length in quarter notes (the slot plus any `-` holds after it).
    public var duration: Rational
    /// The symbol as written, upper-cased (its meaning depends on the lane; see ``RhythmTable``).
    public var symbol: Character
    /// True when written upper-case (accented).
    public var accented: Bool
}

/// A one-bar grid pattern written as slots separated by spaces (see ``RhythmTable`` for the symbols).
public struct RhythmGrid: Sendable, Hashable {
    /// The slots as written, e.g. `"R . . F . ."`.
    public var text: String
    /// The length of one slot in quarter notes (1/2 for quavers).
    public var unit: Rational

    /// Creates a grid.
    public init(_ text: String, unit: Rational) {
        self.text = text
        self.unit = unit
    }

    /// Number of slots.
    public var slots: Int { text.split(separator: " ").count }

    /// Length covered, in quarter notes.
    public var length: Rational { Rational(slots) * unit }

    /// The hits: each symbol slot starts one, `-` lengthens the previous hit, `.` is silence.
    /// Throws when a slot is not one character from `allowed` (upper or lower case), `-` or `.`, or when a
    /// `-` has nothing to hold.
    public func hits(allowed: Set<Character>, id: String) throws(HarmonyError) -> [Hit] {
        var hits: [Hit] = []
        var holding = false
        for (i, token) in text.split(separator: " ").enumerated() {
            guard token.count == 1, let c = token.first else {
                throw .invalidTemplate(id: id, reason: "slot \(i + 1) '\(token)' is not one character")
            }
            let offset = Rational(i) * unit
            switch c {
            case ".":
                holding = false
            case "-":
                guard holding, !hits.isEmpty else {
                    throw .invalidTemplate(id: id, reason: "slot \(i + 1) holds '-' after a rest or at the start")
                }
                hits[hits.count - 1].duration += unit
            default:
                let upper = Character(c.uppercased())
                guard allowed.contains(upper) else {
                    throw .invalidTemplate(id: id, reason: "slot \(i + 1) has '\(c)'; allowed: \(String(allowed.sorted())) - .")
                }
                hits.append(Hit(offset: offset, duration: unit, symbol: upper, accented: c.isUppercase))
                holding = true
            }
        }
        return hits
    }
}

/// A bass + chords pattern for one bar, for some styles and meters, with a weight for random choice.
public struct AccompanimentTemplate: Sendable, Hashable {
    /// A stable name, `style.pattern`.
    public var id: String
    /// The styles that use it.
    public var styles: [Style.Kind]
    /// The meters it fits (matched by numerator and denominator).
    public var meters: [Meter]
    /// Relative weight when several templates fit.
    public var weight: Int
    /// The bass lane: `R` root, `F` fifth, `O` root an octave up, `T` third, `A` approach note.
    public var bass: RhythmGrid
    /// The chord lane: `C` all three upper voices, `1` `2` `3` one upper voice (1 is the lowest).
    public var chords: RhythmGrid

    /// Creates a template; `unit` is the slot length of both lanes (1/2 = quaver).
    public init(_ id: String, styles: [Style.Kind], meters: [Meter], weight: Int, unit: Rational,
                bass: String, chords: String) {
        self.id = id
        self.styles = styles
        self.meters = meters
        self.weight = weight
        self.bass = RhythmGrid(bass, unit: unit)
        self.chords = RhythmGrid(chords, unit: unit)
    }

    /// Symbols of the bass lane.
    public static let bassSymbols: Set<Character> = ["R", "F", "O", "T", "A"]
    /// Symbols of the chord lane.
    public static let chordSymbols: Set<Character> = ["C", "1", "2", "3"]

    /// The bass hits.
    public func bassHits() throws(HarmonyError) -> [Hit] { try bass.hits(allowed: Self.bassSymbols, id: id) }
    /// The chord hits.
    public func chordHits() throws(HarmonyError) -> [Hit] { try chords.hits(allowed: Self.chordSymbols, id: id) }
}

/// A percussion pattern for one bar on General MIDI channel 10 (index 9): one or more lanes.
public struct PercussionTemplate: Sendable, Hashable {
    /// A stable name.
    public var id: String
    /// The styles that use it.
    public var styles: [Style.Kind]
    /// The meters it fits.
    public var meters: [Meter]
    /// Relative weight.
    public var weight: Int
    /// Lanes; each symbol names a drum (see ``drumKeys``).
    public var lanes: [RhythmGrid]

    /// Creates a percussion template.
    public init(_ id: String, styles: [Style.Kind], meters: [Meter], weight: Int, unit: Rational, lanes: [String]) {
        self.id = id
        self.styles = styles
        self.meters = meters
        self.weight = weight
        self.lanes = lanes.map { RhythmGrid($0, unit: unit) }
    }

    /// The General MIDI percussion key of each symbol: K bass drum 36, S snare 38, X side stick 37,
    /// H closed hi-hat 42, P pedal hi-hat 44, T low tom 45 (a bodhrán stand-in), M low-mid tom 47,
    /// F low floor tom 41, B tambourine 54, R ride 51.
    public static let drumKeys: [Character: Int] = [
        "K": 36, "S": 38, "X": 37, "H": 42, "P": 44, "T": 45, "M": 47, "F": 41, "B": 54, "R": 51,
    ]

    /// All hits of all lanes, as (hit, GM key).
    public func hits() throws(HarmonyError) -> [(hit: Hit, key: Int)] {
        var result: [(hit: Hit, key: Int)] = []
        for lane in lanes {
            for hit in try lane.hits(allowed: Set(Self.drumKeys.keys), id: id) {
                result.append((hit, Self.drumKeys[hit.symbol]!))
            }
        }
        return result
    }
}

/// A melodic rhythm cell a sampler may favour: a run of note lengths filling `span` quarter notes.
public struct MelodicCell: Sendable, Hashable {
    /// A stable name.
    public var id: String
    /// The styles it belongs to.
    public var styles: [Style.Kind]
    /// The meters it fits.
    public var meters: [Meter]
    /// Relative weight.
    public var weight: Int
    /// The note lengths in quarter notes, e.g. `[1/2, 1/2, 1/2]` for three jig quavers.
    public var durations: [Rational]

    /// Creates a cell from lengths written as fractions of a quarter note, e.g. `"3/4 1/4"`.
    public init(_ id: String, styles: [Style.Kind], meters: [Meter], weight: Int, _ durations: String) {
        self.id = id
        self.styles = styles
        self.meters = meters
        self.weight = weight
        self.durations = durations.split(separator: " ").map { Rational(String($0)) ?? .zero }
    }

    /// The total length.
    public var span: Rational { durations.reduce(.zero, +) }
}
