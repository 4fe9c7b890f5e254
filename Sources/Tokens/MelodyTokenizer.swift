import Notation

/// Writes melodies as tokens and reads them back, exactly.
///
/// `<bos> S:style M:meter K:mode`, then for each note a pitch token and a duration token (`~` after the
/// duration when the note continues into the next piece), for each rest `z` and a duration token, a `|` at
/// every bar line and one closing `|`, then `<eos>`. Notes crossing a bar line, and lengths that are not a single
/// vocabulary duration, are written as tied pieces (largest duration first); reading merges them back.
public struct MelodyTokenizer: Sendable {
    /// The vocabulary in use.
    public let vocabulary: Vocabulary

    /// Tokens before the body: `<bos>`, style, meter, mode.
    public static let headerLength = 4

    /// Creates a tokenizer over a vocabulary (the standard one by default).
    public init(vocabulary: Vocabulary = .standard) {
        self.vocabulary = vocabulary
    }

    /// The tokens of a melody (without ids). Throws when something is outside the vocabulary.
    public func tokens(for melody: Melody) throws(TokenizeError) -> [Token] {
        guard vocabulary.id(of: .style(melody.style)) != nil else { throw .unknownStyle(melody.style) }
        guard vocabulary.id(of: .meter(melody.meter.description)) != nil else { throw .unknownMeter(melody.meter.description) }
        var out: [Token] = [.begin, .style(melody.style), .meter(melody.meter.description), .mode(melody.key.mode)]
        let reference = Melody.tonicReference(melody.key)
        let barLength = melody.meter.barLength
        var nextBarLine = melody.anacrusis > .zero ? melody.anacrusis : barLength
        var time = Rational.zero

        // Writes one stretch of a note or rest inside a single bar as vocabulary durations.
        func pieces(_ length: Rational, at onset: Rational) throws(TokenizeError) -> [Rational] {
            var rest = length, result: [Rational] = []
            while rest > .zero {
                guard let d = Vocabulary.durations.last(where: { $0 <= rest && fillable(rest - $0) }) else {
                    throw .durationNotRepresentable(length, at: onset)
                }
                result.append(d)
                rest -= d
            }
            return result
        }

        for event in melody.events {
            if event.onset < time { throw .overlappingEvents(at: event.onset) }
            var segments: [(start: Rational, length: Rational, pitch: Int?)] = []
            if event.onset > time { segments.append((time, event.onset - time, nil)) }   // an unwritten gap is a rest
            switch event {
            case .note(let n):
                let offset = n.pitch.midi - reference
                guard Vocabulary.pitchRange.contains(offset) else { throw .pitchOutOfRange(n.pitch, offset: offset, at: n.onset) }
                segments.append((n.onset, n.duration, offset))
            case .rest(let r): segments.append((r.onset, r.duration, nil))
            case .chord: throw .overlappingEvents(at: event.onset)
            }
            for segment in segments {
                var start = segment.start
                let end = segment.start + segment.length
                var first = true
                while start < end {
                    let stop = min(end, nextBarLine)
                    for d in try pieces(stop - start, at: start) {
                        if let p = segment.pitch {
                            if !first { out.append(.tie) }
                            out.append(.pitch(p))
                        } else {
                            out.append(.rest)
                        }
                        out.append(.duration(d))
                        first = false
                    }
                    start = stop
                    if start == nextBarLine {
                        out.append(.bar)
                        nextBarLine += barLength
                    }
                }
                time = end
            }
        }
        if out.last != .bar { out.append(.bar) }
        out.append(.end)
        return out
    }

    /// The token ids of a melody.
    public func encode(_ melody: Melody) throws(TokenizeError) -> [Int] {
        try tokens(for: melody).map { vocabulary.id(of: $0)! }
    }

    /// Reads token ids back as a melody in `key` (the tune's own key gives back its pitches exactly; another
    /// tonic transposes it). The mode comes from the tokens.
    public func decode(_ ids: [Int], tonic: PitchSpelling) throws(TokenizeError) -> Melody {
        var tokens: [Token] = []
        for (i, id) in ids.enumerated() {
            guard id >= 0 && id < vocabulary.count else { throw .unknownTokenID(id, position: i) }
            tokens.append(vocabulary[id])
        }
        return try decode(tokens: tokens, tonic: tonic)
    }

    /// Reads tokens back as a melody (see ``decode(_:tonic:)``).
    public func decode(tokens: [Token], tonic: PitchSpelling) throws(TokenizeError) -> Melody {
        guard tokens.count >= 4, tokens[0] == .begin,
              case .style(let style) = tokens[1], case .meter(let meterText) = tokens[2], case .mode(let mode) = tokens[3]
        else { throw .malformed("expected <bos> S:style M:meter K:mode", position: 0) }
        guard let meter = try? Meter(parsing: meterText) else { throw .unknownMeter(meterText) }
        let key = Key(tonic: tonic, mode: mode)
        let reference = Melody.tonicReference(key)
        var events: [MusicEvent] = []
        var time = Rational.zero
        var anacrusis: Rational?
        var pending: Int?? = nil      // the pitch (or nil for a rest) waiting for its duration
        var tieNext = false
        var i = 4
        while i < tokens.count {
            let token = tokens[i]
            switch token {
            case .pitch(let p):
                guard pending == nil else { throw .malformed("a duration must follow a pitch or rest", position: i) }
                pending = .some(p)
            case .rest:
                guard pending == nil else { throw .malformed("a duration must follow a pitch or rest", position: i) }
                guard !tieNext else { throw .malformed("a tie must join two notes", position: i) }
                pending = .some(nil)
            case .duration(let d):
                guard let what = pending else { throw .malformed("a duration must follow a pitch or rest", position: i) }
                pending = nil
                if let offset = what {
                    guard let pitch = try? Pitch(midi: reference + offset) else {
                        throw .malformed("pitch offset \(offset) leaves the MIDI range in this key", position: i)
                    }
                    if tieNext {
                        guard case .note(var last)? = events.last, last.pitch == pitch, last.end == time else {
                            throw .malformed("a tie must join two notes of the same pitch", position: i)
                        }
                        last.duration += d
                        events[events.count - 1] = .note(last)
                    } else {
                        events.append(.note(try! Note(pitch: pitch, onset: time, duration: d)))
                    }
                } else {
                    events.append(.rest(try! Rest(onset: time, duration: d)))
                }
                tieNext = false
                time += d
            case .tie:
                guard pending == nil, case .note? = events.last else { throw .malformed("a tie must follow a note", position: i) }
                tieNext = true
            case .bar:
                guard pending == nil else { throw .malformed("a duration must follow a pitch or rest", position: i) }
                // The first bar line ends the pickup, unless it is the closing bar line of a tune shorter than a bar.
                if anacrusis == nil {
                    let closing = i + 1 < tokens.count && tokens[i + 1] == .end
                    anacrusis = time < meter.barLength && !closing ? time : .zero
                }
            case .end:
                guard pending == nil, !tieNext else { throw .malformed("the tune ends inside a note", position: i) }
                i = tokens.count
                continue
            case .pad, .begin, .style, .meter, .mode:
                throw .malformed("unexpected \(token.text) in the body", position: i)
            }
            i += 1
        }
        return Melody(style: style, meter: meter, key: key, anacrusis: anacrusis ?? .zero, events: events)
    }
}

/// True when `length` is zero or a sum of vocabulary durations (checked on a 1/24-quarter grid, which every
/// vocabulary duration lies on).
func fillable(_ length: Rational) -> Bool {
    guard length >= .zero else { return false }
    guard let units = length.ticks(perQuarter: 24) else { return false }
    return FillTable.shared.fillable(units)
}

/// Which lengths (in 1/24 quarters) are sums of vocabulary durations: a small dynamic-programming table.
struct FillTable: Sendable {
    static let shared = FillTable(limit: 24 * 16)
    let table: [Bool]
    init(limit: Int) {
        let steps = Vocabulary.durations.map { $0.ticks(perQuarter: 24)! }
        var t = [Bool](repeating: false, count: limit + 1)
        t[0] = true
        for n in 1...limit { t[n] = steps.contains { $0 <= n && t[n - $0] } }
        table = t
    }
    func fillable(_ units: Int) -> Bool {
        if units < table.count { return table[units] }
        return true   // every length ≥ 16 quarters on the grid is fillable once 1/8 and 1/6 can be combined
    }
}
