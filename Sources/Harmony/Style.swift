import Notation

/// A dance or tune type (reel, jig, waltz, …) with everything the composer needs to know about it: the
/// meters it allows, its tempo, form, feel, harmonic rhythm, instruments, and whether a model learned it
/// from many corpus tunes or it is mostly guided by rules. The values live in ``Style/catalog``.
public struct Style: Sendable, Hashable {
    /// The style names.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case folk, reel, jig
        case slipJig = "slip jig"
        case hornpipe, strathspey, polka, waltz, march, air
    }

    /// The characteristic melodic rhythm.
    public enum Feel: String, Sendable, Hashable, Codable {
        /// Even quavers.
        case straight
        /// Even quavers grouped in threes (compound meters).
        case compound
        /// Dotted pairs: dotted quaver + semiquaver (hornpipes).
        case dotted
        /// Scotch snaps (semiquaver + dotted quaver) mixed with dotted pairs (strathspeys).
        case scotchSnap
    }

    /// Where a style's melodies come from.
    public enum Source: String, Sendable, Hashable, Codable {
        /// Many corpus tunes of this type exist: the model learned it.
        case learned
        /// Few or no corpus tunes: the melody model is steered mostly by the rules here (meter, cells, form).
        case ruleGuided
    }

    /// How often chords change.
    public enum HarmonicRhythm: String, Sendable, Hashable, Codable {
        /// One chord per bar.
        case bar
        /// Up to two chords per bar (split at the middle beat when the bar has an even number of beats).
        case halfBar
    }

    /// A meter the style allows, with its tempo in beats of that meter per minute (a beat is
    /// `meter.beats[0]`: a minim in C|, a dotted crotchet in 6/8, a crotchet in 2/4, 3/4 and 4/4).
    public struct MeterOption: Sendable, Hashable {
        /// The meter.
        public var meter: Meter
        /// Usual tempo range, beats per minute.
        public var beatsPerMinute: ClosedRange<Int>
        /// A typical tempo inside the range.
        public var defaultBeatsPerMinute: Int

        /// Creates a meter option.
        public init(_ meter: Meter, beatsPerMinute: ClosedRange<Int>, default defaultBPM: Int) {
            self.meter = meter
            self.beatsPerMinute = beatsPerMinute
            self.defaultBeatsPerMinute = defaultBPM
        }
    }

    /// The usual form: labelled sections of a fixed number of bars (AABB of 8-bar parts for reels).
    public struct Form: Sendable, Hashable {
        /// Section labels in playing order, e.g. `["A", "A", "B", "B"]`.
        public var pattern: [String]
        /// Bars in each section.
        public var barsPerSection: Int

        /// Creates a form.
        public init(_ pattern: String, barsPerSection: Int) {
            self.pattern = pattern.map { String($0) }
            self.barsPerSection = barsPerSection
        }

        /// Bars in one pass of the form.
        public var bars: Int { pattern.count * barsPerSection }
    }

    /// One section of a planned tune: its label and the bars it covers.
    public struct Section: Sendable, Hashable {
        /// The label, e.g. "A"; equal labels mean the same music repeated.
        public var label: String
        /// First bar (0-based, counting full bars).
        public var firstBar: Int
        /// Number of bars.
        public var bars: Int
    }

    /// The style's name.
    public var kind: Kind
    /// The meters it allows, the default first (never empty; set only by the catalogue).
    public internal(set) var meters: [MeterOption]
    /// True when any meter is acceptable (folk); meters not listed get ``fallbackBeatsPerMinute``.
    public var acceptsAnyMeter: Bool
    /// The melodic feel.
    public var feel: Feel
    /// The usual form.
    public var form: Form
    /// How often chords change.
    public var harmonicRhythm: HarmonicRhythm
    /// Learned from the corpus or mostly rule-guided.
    public var source: Source
    /// Melody, chord and bass instruments.
    public var instruments: Instrumentation
    /// Whether a percussion part is added unless the caller says otherwise.
    public var drumsByDefault: Bool
    /// A one-line description of the accompaniment (the patterns are in ``RhythmTable``).
    public var accompaniment: String

    /// The name as written in the catalogue (`slip jig`).
    public var name: String { kind.rawValue }

    /// The default meter (the first option).
    public var defaultMeter: Meter { meters[0].meter }

    /// The tempo of a meter with no option of its own (folk in an unusual meter).
    public static let fallbackBeatsPerMinute: ClosedRange<Int> = 70...140

    /// True when the style allows the meter (same numerator and denominator as one option, or any for folk).
    public func allows(_ meter: Meter) -> Bool {
        acceptsAnyMeter || option(for: meter) != nil
    }

    /// The option for a meter (matched by numerator and denominator, so `C` and `4/4` are the same).
    public func option(for meter: Meter) -> MeterOption? {
        meters.first { $0.meter.numerator == meter.numerator && $0.meter.denominator == meter.denominator }
    }

    /// Throws ``HarmonyError/meterNotAllowed(style:meter:allowed:)`` unless the style allows the meter.
    public func check(_ meter: Meter) throws(HarmonyError) {
        guard allows(meter) else {
            throw .meterNotAllowed(style: name, meter: meter.description, allowed: meters.map(\.meter.description))
        }
    }

    /// The tempo range in quarter notes per minute for a meter (the value `TempoChange` takes).
    public func tempoRange(in meter: Meter) -> ClosedRange<Rational> {
        let bpm = option(for: meter)?.beatsPerMinute ?? Style.fallbackBeatsPerMinute
        let beat = meter.beats[0]
        return Rational(bpm.lowerBound) * beat ... Rational(bpm.upperBound) * beat
    }

    /// The default tempo in quarter notes per minute for a meter.
    public func defaultTempo(in meter: Meter) -> Rational {
        let fallback = Style.fallbackBeatsPerMinute
        let bpm = option(for: meter)?.defaultBeatsPerMinute ?? (fallback.lowerBound + fallback.upperBound) / 2
        return Rational(bpm) * meter.beats[0]
    }

    /// The sections of a tune of `totalBars` full bars: the form repeated when the bar count is a whole
    /// number of passes of it, otherwise one through-composed section "A" of all the bars.
    public func sections(forBars totalBars: Int) -> [Section] {
        guard totalBars > 0 else { return [] }
        guard form.bars > 0, totalBars % form.bars == 0 else {
            return [Section(label: "A", firstBar: 0, bars: totalBars)]
        }
        var result: [Section] = []
        for pass in 0..<(totalBars / form.bars) {
            for (i, label) in form.pattern.enumerated() {
                result.append(Section(label: label, firstBar: pass * form.bars + i * form.barsPerSection,
                                      bars: form.barsPerSection))
            }
        }
        return result
    }

    /// The chord segments of one bar, as (offset from the bar line, length), by the harmonic rhythm: two
    /// halves when the style changes chords at the half bar and the bar's beats split evenly, else one.
    public func chordSegments(in meter: Meter) -> [(offset: Rational, length: Rational)] {
        let beats = meter.beats
        if harmonicRhythm == .halfBar, beats.count % 2 == 0, beats.count >= 2 {
            let half = beats.prefix(beats.count / 2).reduce(Rational.zero, +)
            return [(.zero, half), (half, meter.barLength - half)]
        }
        return [(.zero, meter.barLength)]
    }
}
