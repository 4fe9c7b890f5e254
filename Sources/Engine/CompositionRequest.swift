import Harmony
import NeuralCore
import Notation
import Tokens

/// What to compose: style, length, form, key, meter, sampling and arrangement choices, and the seed.
///
/// Every field has a default taken from the style when left nil; ``validate()`` checks the values, so a
/// request that validates can always be composed (every bar full, the form fitting the bars).
public struct CompositionRequest: Sendable, Equatable {
    /// The most bars a tune may have (a 512-bar tune is already about 15 minutes of a reel).
    public static let maximumBars = 512
    /// The slowest and fastest tempo accepted, in beats per minute of the meter's beat.
    public static let tempoRange: ClosedRange<Int> = 20...400

    /// The style (its meters, tempo, form, instruments, accompaniment).
    public var style: Style
    /// Number of full bars (a pickup, when asked, is balanced by a short last bar).
    public var bars: Int
    /// The form as letters (`AABB`, `AB`, `ABAC`); nil takes the style's default (see ``FormPlan``).
    public var form: String?
    /// The key; nil draws one from the style's corpus distribution (``KeyDistribution``).
    public var key: Key?
    /// The meter; nil takes the style's default meter.
    public var meter: Meter?
    /// The pickup before the first full bar, in quarter notes (0 for none).
    public var anacrusis: Rational
    /// The seed of every random choice (melody sampling, key, accompaniment patterns).
    public var seed: UInt64
    /// Temperature, top-k and top-p of the melody sampler (temperature must be > 0).
    public var sampling: SamplingOptions
    /// Tempo in beats per minute of the meter's beat; nil takes the style's default.
    public var beatsPerMinute: Int?
    /// Whether chords, bass (and drums, when the style has them) are added.
    public var accompaniment: Bool
    /// Drums on or off; nil follows the style.
    public var drums: Bool?
    /// The melody's instrument; nil takes the style's.
    public var melodyInstrument: Instrument?
    /// A motif that opens the tune verbatim.
    public var motif: Motif?
    /// Transpose the motif to ``key`` (otherwise the key defaults to the motif's and a different key is an error).
    public var transposeMotif: Bool
    /// A generation sharing a run of this many notes with a corpus tune is resampled (nil: no check).
    public var noveltyLimit: Int?

    /// Creates a request; everything but the style has a default (16 bars, seed 1, temperature 1).
    public init(style: Style, bars: Int = 16, form: String? = nil, key: Key? = nil, meter: Meter? = nil,
                anacrusis: Rational = .zero, seed: UInt64 = 1, sampling: SamplingOptions = .init(),
                beatsPerMinute: Int? = nil, accompaniment: Bool = true, drums: Bool? = nil,
                melodyInstrument: Instrument? = nil, motif: Motif? = nil, transposeMotif: Bool = false,
                noveltyLimit: Int? = NoveltyIndex.runLength) {
        self.style = style
        self.bars = bars
        self.form = form
        self.key = key
        self.meter = meter
        self.anacrusis = anacrusis
        self.seed = seed
        self.sampling = sampling
        self.beatsPerMinute = beatsPerMinute
        self.accompaniment = accompaniment
        self.drums = drums
        self.melodyInstrument = melodyInstrument
        self.motif = motif
        self.transposeMotif = transposeMotif
        self.noveltyLimit = noveltyLimit
    }

    /// The meter in use: the requested one or the style's default.
    public var effectiveMeter: Meter { meter ?? style.defaultMeter }

    /// Throws ``EngineError/invalidOption(option:reason:)`` for the first value out of range.
    public func validate() throws(EngineError) {
        guard bars >= 1, bars <= Self.maximumBars else {
            throw .invalidOption(option: "--bars", reason: "\(bars) is outside 1...\(Self.maximumBars)")
        }
        let meter = effectiveMeter
        guard style.allows(meter) else {
            throw .invalidOption(option: "--meter", reason: "\(style.name) is not played in \(meter); use one of \(style.meters.map(\.meter.description).joined(separator: ", "))")
        }
        guard Vocabulary.meters.contains(meter.description) else {
            throw .invalidOption(option: "--meter", reason: "\(meter) is not a meter the models know (\(Vocabulary.meters.joined(separator: ", ")))")
        }
        guard anacrusis >= .zero, anacrusis < meter.barLength else {
            throw .invalidOption(option: "--anacrusis", reason: "a pickup of \(anacrusis) quarters must be shorter than the \(meter) bar (\(meter.barLength))")
        }
        if anacrusis > .zero {
            guard Self.isSumOfVocabularyDurations(anacrusis), Self.isSumOfVocabularyDurations(meter.barLength - anacrusis) else {
                throw .invalidOption(option: "--anacrusis", reason: "\(anacrusis) is not a sum of note lengths the models know")
            }
        }
        guard sampling.temperature > 0, sampling.temperature.isFinite, sampling.temperature <= 10 else {
            throw .invalidOption(option: "--temperature", reason: "\(sampling.temperature) must be > 0 and ≤ 10")
        }
        guard sampling.topK >= 0 else { throw .invalidOption(option: "--top-k", reason: "\(sampling.topK) must be ≥ 0 (0 keeps every token)") }
        guard sampling.topP > 0, sampling.topP <= 1 else {
            throw .invalidOption(option: "--top-p", reason: "\(sampling.topP) must lie in (0, 1]")
        }
        if let bpm = beatsPerMinute, !Self.tempoRange.contains(bpm) {
            throw .invalidOption(option: "--tempo", reason: "\(bpm) beats per minute is outside \(Self.tempoRange.lowerBound)...\(Self.tempoRange.upperBound)")
        }
        if let form { _ = try FormPlan(parsing: form, bars: bars) }
        if let limit = noveltyLimit, limit != NoveltyIndex.runLength {
            throw .invalidOption(option: "--novelty", reason: "the corpus index holds runs of \(NoveltyIndex.runLength) notes, not \(limit)")
        }
    }

    /// True when `length` is a sum of the vocabulary's durations (so the sampler can fill it exactly).
    static func isSumOfVocabularyDurations(_ length: Rational) -> Bool {
        guard let units = length.ticks(perQuarter: 24), units >= 0 else { return false }
        let steps = Vocabulary.durations.compactMap { $0.ticks(perQuarter: 24) }
        var reachable = [Bool](repeating: false, count: units + 1)
        reachable[0] = true
        if units > 0 { for n in 1...units { reachable[n] = steps.contains { $0 <= n && reachable[n - $0] } } }
        return reachable[units]
    }
}
