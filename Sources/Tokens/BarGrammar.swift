import Notation

/// The rules a sampler follows so that a generated tune has exactly the bars asked for, each one full.
///
/// Feed it every body token (after the four header tokens); ask it which token ids may come next. It allows a
/// duration only when the bar still has room for it and what remains can still be filled; when a bar is full
/// only `|` may follow; after the last bar only `<eos>`. Ties must join notes of the same pitch.
public struct BarGrammar: Sendable {
    /// The phase of the token stream.
    public enum Phase: Sendable, Hashable {
        /// A pitch, a rest, or (when the bar is full) a bar line.
        case event
        /// A duration for the pitch or rest just read.
        case duration
        /// After `~`: the same pitch again (after a bar line if the bar is full).
        case tied
        /// All bars written: only `<eos>`.
        case finished
        /// `<eos>` read.
        case done
    }

    /// The vocabulary.
    public let vocabulary: Vocabulary
    /// The length each bar must have, in order (a pickup and a balancing short last bar when asked).
    public let barLengths: [Rational]
    /// The current phase.
    public private(set) var phase: Phase = .event
    /// Index of the bar being written.
    public private(set) var barIndex = 0
    /// Time already written in the current bar.
    public private(set) var position: Rational = .zero
    /// The pitch offset of the last note (for ties).
    public private(set) var lastPitch: Int?
    private var lastWasNote = false

    private let barID: Int, endID: Int, tieID: Int, restID: Int
    private let durations: [(id: Int, length: Rational)]
    private let pitchIDs: [Int: Int]   // offset -> id

    /// Creates a grammar for `bars` bars of `meter`; with a pickup of `anacrusis` quarters, the first bar is the
    /// pickup and the last is shortened so that the tune still totals `bars` full bars.
    public init(vocabulary: Vocabulary = .standard, meter: Meter, bars: Int, anacrusis: Rational = .zero) {
        precondition(bars >= 1, "a tune has at least one bar")
        var lengths = Array(repeating: meter.barLength, count: bars)
        if anacrusis > .zero && anacrusis < meter.barLength {
            lengths.insert(anacrusis, at: 0)
            lengths[lengths.count - 1] = meter.barLength - anacrusis
        }
        self.init(vocabulary: vocabulary, barLengths: lengths)
    }

    /// Creates a grammar for bars of the given lengths.
    public init(vocabulary: Vocabulary = .standard, barLengths: [Rational]) {
        self.vocabulary = vocabulary
        self.barLengths = barLengths
        barID = vocabulary.id(of: .bar)!
        endID = vocabulary.id(of: .end)!
        tieID = vocabulary.id(of: .tie)!
        restID = vocabulary.id(of: .rest)!
        durations = vocabulary.durationIDs
        pitchIDs = Dictionary(uniqueKeysWithValues: vocabulary.pitchIDs.map { ($0.offset, $0.id) })
    }

    private var room: Rational { barLengths[barIndex] - position }

    /// The token ids allowed next, as a mask over the vocabulary.
    public func allowedMask() -> [Bool] {
        var mask = [Bool](repeating: false, count: vocabulary.count)
        switch phase {
        case .event:
            if room == .zero {
                mask[barID] = true
                if lastWasNote && barIndex + 1 < barLengths.count { mask[tieID] = true }   // a tie across the bar line
            } else {
                for id in pitchIDs.values { mask[id] = true }
                mask[restID] = true
                if lastWasNote { mask[tieID] = true }
            }
        case .duration:
            for d in durations where d.length <= room && fillable(room - d.length) { mask[d.id] = true }
        case .tied:
            if room == .zero { mask[barID] = true } else if let p = lastPitch, let id = pitchIDs[p] { mask[id] = true }
        case .finished:
            mask[endID] = true
        case .done:
            break
        }
        return mask
    }

    /// True when `id` may come next.
    public func allows(_ id: Int) -> Bool { allowedMask()[id] }

    /// Takes the next token; throws when the grammar does not allow it.
    public mutating func accept(_ id: Int) throws(TokenizeError) {
        guard id >= 0 && id < vocabulary.count else { throw .unknownTokenID(id, position: barIndex) }
        guard allows(id) else {
            throw .malformed("\(vocabulary[id].text) is not allowed here (bar \(barIndex + 1), at \(position))", position: barIndex)
        }
        switch vocabulary[id] {
        case .bar:
            barIndex += 1
            position = .zero
            if barIndex == barLengths.count { phase = .finished }
        case .end:
            phase = .done
        case .tie:
            phase = .tied
            lastWasNote = false
        case .rest:
            phase = .duration
            lastPitch = nil
        case .pitch(let p):
            phase = .duration
            lastPitch = p
        case .duration(let d):
            position += d
            phase = .event
            lastWasNote = lastPitch != nil
        case .pad, .begin, .style, .meter, .mode:
            break
        }
    }

    /// True once `<eos>` has been accepted.
    public var isDone: Bool { phase == .done }
}
