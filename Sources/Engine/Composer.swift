import Harmony
import Models
import NeuralCore
import Notation
import Tokens

/// The composition engine: a request in, a score and a report out.
///
/// Pipeline (every random choice from `Xoshiro256StarStar`, so a request gives identical output every run):
/// 1. key (requested, the motif's, or drawn from the style's corpus distribution with seed `seed ^ 0x6B6579`);
/// 2. melody: the model reads `<bos> S:style M:meter K:mode`, then the motif's tokens, then samples under
///    ``BarGrammar`` with the form, range and ending rules of ``MelodySampler`` (seed `seedUsed`);
/// 3. novelty: a melody sharing a run of 12 notes with a corpus tune is resampled with the next seed
///    (`seed + 1`, `seed + 2`, … up to ``maximumAttempts`` melodies; the last is kept and reported);
/// 4. harmony and accompaniment: `Arranger` (seed `seedUsed ^ 0x6172726E`);
/// 5. the score: tempo, meter and key maps, the melody part, then Chords, Bass, Drums.
public struct Composer: Sendable {
    /// The pitch offsets (semitones above the tonic reference) a melody may use before the instrument's
    /// range narrows them: a minor sixth below to two octaves above, where corpus tunes live.
    public static let melodySpan = -8...24

    /// Melodies sampled at most before the last one is kept despite its shared run.
    public static let maximumAttempts = 20

    /// The melody model.
    public let model: any MelodyModel
    /// The corpus run index (nil: novelty not checked).
    public let noveltyIndex: NoveltyIndex?
    /// The key distribution used when no key is given.
    public let keys: KeyDistribution

    /// Creates an engine over a model; `noveltyIndex` and `keys` default to nothing and the bundled table.
    public init(model: any MelodyModel, noveltyIndex: NoveltyIndex? = nil, keys: KeyDistribution? = nil) throws(EngineError) {
        self.model = model
        self.noveltyIndex = noveltyIndex
        if let keys { self.keys = keys } else { self.keys = try KeyDistribution.bundled() }
    }

    /// The vocabulary style label of a style (`slip jig` → `slipjig`).
    public static func styleLabel(_ style: Style) -> String { String(style.name.filter { $0 != " " }) }

    /// Composes a tune; throws for an invalid request or a failure of the model or the arrangement.
    public func compose(_ request: CompositionRequest) throws(EngineError) -> Composition {
        try request.validate()
        let vocabulary = model.vocabulary
        let style = request.style
        let label = Self.styleLabel(style)

        // 1. meter, key, form, motif
        var meter = request.effectiveMeter
        var key: Key
        var keyDrawn = false
        if let motif = request.motif {
            if let m = motif.meter, request.meter == nil, style.allows(m), Vocabulary.meters.contains(m.description) { meter = m }
            key = try motif.resolveKey(requested: request.key, transpose: request.transposeMotif)
        } else if let k = request.key {
            key = k
        } else {
            var rng = Xoshiro256StarStar(seed: request.seed ^ 0x6B6579)
            key = keys.draw(for: label, using: &rng)
            keyDrawn = true
        }
        var settled = request
        settled.meter = meter
        try settled.validate()
        var plan = FormPlan.standard(for: style, bars: request.bars)
        if let form = request.form { plan = try FormPlan(parsing: form, bars: request.bars) }
        var prefix: [Int] = []
        if let motif = request.motif {
            prefix = try motif.bodyTokens(meter: meter, key: key, anacrusis: request.anacrusis, bars: request.bars,
                                          vocabulary: vocabulary)
        }

        // 2. instrument and its pitch window in token space
        let instrument = request.melodyInstrument ?? style.instruments.melody
        let reference = Melody.tonicReference(key)
        let shift = request.motif == nil ? Self.octaveShift(reference: reference, range: instrument.range) : 0
        let low = max(instrument.range.lowerBound - reference - shift, Self.melodySpan.lowerBound)
        let high = min(instrument.range.upperBound - reference - shift, Self.melodySpan.upperBound)
        guard low + 11 <= high else {
            throw .invalidOption(option: "--instrument", reason: "\(instrument.name) (\(instrument.range)) leaves less than an octave for the melody")
        }
        let sampler = MelodySampler(vocabulary: vocabulary, plan: plan, sampling: request.sampling,
                                    pitchOffsets: low...high, hasPickup: request.anacrusis > .zero,
                                    finalNoteMinimum: meter.beats.last ?? meter.barLength)
        let header: [Token] = [.begin, .style(label), .meter(meter.description), .mode(key.mode)]
        let headerIDs = header.compactMap { vocabulary.id(of: $0) }
        guard headerIDs.count == header.count else {
            throw .modelUnavailable(reason: "the model's vocabulary lacks a header token of \(header.map(\.text).joined(separator: " "))")
        }

        // 3. melody, resampled while it copies the corpus
        var attempts = 0
        var body: [Int] = []
        var melody: Melody
        var seedUsed = request.seed
        var novelty: SharedRun?
        repeat {
            seedUsed = request.seed &+ UInt64(attempts)
            attempts += 1
            var stepper = model.makeStepper()
            var logits: [Float] = []
            do { for id in headerIDs { logits = try stepper.logits(after: id) } } catch {
                throw .modelFailed(reason: "\(error)")
            }
            var rng = Xoshiro256StarStar(seed: seedUsed)
            let grammar = BarGrammar(vocabulary: vocabulary, meter: meter, bars: request.bars, anacrusis: request.anacrusis)
            body = try sampler.sample(grammar: grammar, stepper: &stepper, logits: logits, prefix: prefix, using: &rng)
            do {
                melody = try MelodyTokenizer(vocabulary: vocabulary).decode(headerIDs + body, tonic: key.tonic)
            } catch { throw .modelFailed(reason: "the sampled tokens do not read back: \(error)") }
            melody.anacrusis = request.anacrusis
            guard let index = noveltyIndex, request.noveltyLimit != nil else { novelty = nil; break }
            novelty = index.longestSharedRun(of: melody)
        } while (novelty?.length ?? 0) >= (request.noveltyLimit ?? .max) && attempts < Self.maximumAttempts

        // 4 and 5. arrangement and score
        return try ScoreAssembly(request: request, style: style, meter: meter, key: key, instrument: instrument,
                                 shift: shift, melody: melody, seedUsed: seedUsed)
            .composition(tokens: body, plan: plan, keyDrawn: keyDrawn, attempts: attempts, novelty: novelty)
    }

    /// The whole octaves that place a tune's usual span (a fifth below the tonic to an octave and a fifth
    /// above) inside an instrument's range: the smallest shift that keeps all but its lowest fifth (a flute
    /// playing a D tune where the corpus has it, without the A and B below its low C), else the largest overlap.
    static func octaveShift(reference: Int, range: ClosedRange<Int>) -> Int {
        let span = 24
        var best = (overlap: Int.min, shift: 0)
        for shift in [0, 12, -12, 24, -24] {
            let lo = max(reference + shift - 5, range.lowerBound), hi = min(reference + shift + 19, range.upperBound)
            let overlap = hi - lo
            if overlap >= span - 5 { return shift }
            if overlap > best.overlap { best = (overlap, shift) }
        }
        return best.shift
    }
}
