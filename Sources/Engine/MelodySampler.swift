import Models
import NeuralCore
import Notation
import Tokens

/// Samples a tune's body tokens from a melody model under ``BarGrammar``: exactly the bars asked for, each
/// one full, by masking (never by trimming afterwards).
///
/// On top of the grammar's mask, the sampler
/// - keeps pitches inside `pitchOffsets` (the melody instrument's range, in tokens);
/// - writes no tie (`~`) at the start of a section, so every section can be repeated on its own;
/// - steers the ending: in the last bar no rest and no tie, and the note that completes the bar must be the
///   tonic (the mode's final, any octave): a non-tonic pitch may not take the duration that fills the bar,
///   and when only that duration would fit, only tonic pitches are allowed; and no note may leave less than
///   `finalNoteMinimum` (the meter's last beat) to the end of the bar, so the final tonic is held for at least
///   a beat instead of being squeezed into what is left (`a2 e'/2 c'/4 d'/4`), unless nothing else fits;
/// - copies a repeated section's bars (all but its last, which is sampled again, for a first/second ending
///   feel) by feeding the earlier tokens through the model and the grammar, so the model's state continues.
struct MelodySampler {
    let vocabulary: Vocabulary
    let plan: FormPlan
    let sampling: SamplingOptions
    /// Pitch offsets (token space) the melody may use.
    let pitchOffsets: ClosedRange<Int>
    /// Whether the tune has a pickup bar (grammar bar 0) before section A.
    let hasPickup: Bool
    /// The shortest final note the ending rules aim for (the meter's last beat).
    let finalNoteMinimum: Rational

    private let barID: Int, tieID: Int, restID: Int, endID: Int

    init(vocabulary: Vocabulary, plan: FormPlan, sampling: SamplingOptions, pitchOffsets: ClosedRange<Int>, hasPickup: Bool,
         finalNoteMinimum: Rational) {
        self.vocabulary = vocabulary
        self.plan = plan
        self.sampling = sampling
        self.pitchOffsets = pitchOffsets
        self.hasPickup = hasPickup
        self.finalNoteMinimum = finalNoteMinimum
        barID = vocabulary.id(of: .bar)!
        tieID = vocabulary.id(of: .tie)!
        restID = vocabulary.id(of: .rest)!
        endID = vocabulary.id(of: .end)!
    }

    /// The body tokens (after the header, up to and including `<eos>`): `prefix` first (a motif, checked by
    /// the grammar), then sampled tokens. `stepper` must already have read the header; `logits` are its
    /// logits after the header's last token.
    func sample(grammar start: BarGrammar, stepper: inout any MelodyStepper, logits startLogits: [Float],
                prefix: [Int], using rng: inout Xoshiro256StarStar) throws(EngineError) -> [Int] {
        var grammar = start
        var logits = startLogits
        var tokens: [Int] = []
        var barStarts: [Int: Int] = [0: 0]          // grammar bar index -> index in `tokens` where it starts
        var sampler = TokenSampler(vocabularySize: vocabulary.count)
        var masked = [Float](repeating: 0, count: vocabulary.count)

        func feed(_ id: Int) throws(EngineError) {
            do { try grammar.accept(id) } catch {
                throw .modelFailed(reason: "the sampler broke its own grammar: \(error)")
            }
            tokens.append(id)
            if id == barID { barStarts[grammar.barIndex] = tokens.count }
            if id == endID { return }
            do { logits = try stepper.logits(after: id) } catch {
                throw .modelFailed(reason: "\(error)")
            }
        }

        // 1. the motif, verbatim
        for (i, id) in prefix.enumerated() {
            guard grammar.allows(id) else {
                throw .modelFailed(reason: "motif token \(i) (\(vocabulary[id].text)) does not fit the bars")
            }
            try feed(id)
        }
        let motifBars = grammar.barIndex
        let offset = hasPickup ? 1 : 0
        let lastBar = grammar.barLengths.count - 1
        let sectionStarts = Set(plan.sections.map { $0.firstBar + offset })
        var firstOfLabel: [Character: Int] = [:]     // label -> grammar bar where its first section starts
        var visited = Set<Int>()                       // section starts already handled
        for section in plan.sections where section.firstBar + offset < motifBars {
            if firstOfLabel[section.label] == nil { firstOfLabel[section.label] = section.firstBar + offset }
            visited.insert(section.firstBar + offset)
        }

        // 2. section by section
        while !grammar.isDone {
            let bar = grammar.barIndex
            // Copy the bars of an earlier section with the same letter (all but the section's last bar).
            if grammar.phase == .event, grammar.position == .zero, !visited.contains(bar),
               let section = plan.sections.first(where: { $0.firstBar + offset == bar }) {
                visited.insert(bar)
                if let source = firstOfLabel[section.label] {
                    copying: for b in 0..<(section.bars - 1) {
                        guard let from = barStarts[source + b], let to = barStarts[source + b + 1] else { break }
                        for id in tokens[from..<to] {
                            guard grammar.allows(id), !(id == tieID && b == 0 && grammar.position == .zero) else { break copying }
                            try feed(id)
                        }
                    }
                    if grammar.position == .zero && grammar.phase == .event { continue }
                } else {
                    firstOfLabel[section.label] = bar
                }
            }
            // Sample one token.
            var mask = grammar.allowedMask()
            if grammar.phase == .event {
                for p in vocabulary.pitchIDs where !pitchOffsets.contains(p.offset) { mask[p.id] = false }
                if grammar.position == .zero && sectionStarts.contains(bar) { mask[tieID] = false }
                // No tie into the last bar, whose final note the ending rules choose.
                if grammar.position == grammar.barLengths[bar] && (bar + 1 == lastBar || sectionStarts.contains(bar + 1)) {
                    mask[tieID] = false
                }
            }
            if bar == lastBar && grammar.phase != .finished {
                steerEnding(&mask, grammar: grammar)
            }
            guard mask.contains(true) else {
                throw .modelFailed(reason: "no token fits bar \(bar + 1) at \(grammar.position)")
            }
            for j in 0..<mask.count { masked[j] = mask[j] ? logits[j] : -.infinity }
            let id = masked.withUnsafeBufferPointer { sampler.sample($0, options: sampling, using: &rng) }
            try feed(id)
        }
        return tokens
    }

    /// The ending rules of the last bar (see the type's comment).
    private func steerEnding(_ mask: inout [Bool], grammar: BarGrammar) {
        switch grammar.phase {
        case .event:
            mask[restID] = false
            mask[tieID] = false
            if grammar.position < grammar.barLengths[grammar.barIndex] {
                // If every duration that fits after a pitch would fill the bar, this note is the last.
                var probe = grammar
                let anyPitch = vocabulary.pitchIDs.first { pitchOffsets.contains($0.offset) }!.id
                try? probe.accept(anyPitch)
                let durations = probe.allowedMask()
                let room = grammar.barLengths[grammar.barIndex] - grammar.position
                let canContinue = vocabulary.durationIDs.contains {
                    durations[$0.id] && $0.length < room && room - $0.length >= finalNoteMinimum
                }
                if !canContinue {
                    for p in vocabulary.pitchIDs where p.offset % 12 != 0 { mask[p.id] = false }
                }
            }
        case .duration:
            let room = grammar.barLengths[grammar.barIndex] - grammar.position
            if let pitch = grammar.lastPitch, pitch % 12 != 0 {
                for d in vocabulary.durationIDs where d.length == room { mask[d.id] = false }
            }
            // Leave the final note at least `finalNoteMinimum`, when some duration allows it.
            var roomy = mask
            for d in vocabulary.durationIDs where d.length < room && room - d.length < finalNoteMinimum { roomy[d.id] = false }
            if vocabulary.durationIDs.contains(where: { roomy[$0.id] }) { mask = roomy }
        default:
            break
        }
    }
}
