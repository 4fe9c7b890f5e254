import Notation

/// The ordered list of tokens a model knows; a token's id is its index.
///
/// The standard vocabulary is fixed (documented in README.md) so that every model trained on it and every
/// figure measured with it stays comparable. It is stored in model files as its list of token texts.
public struct Vocabulary: Sendable, Hashable {
    /// The tokens in id order.
    public let tokens: [Token]
    private let ids: [Token: Int]

    /// Creates a vocabulary from tokens in id order (duplicates are an error of the caller).
    public init(tokens: [Token]) {
        self.tokens = tokens
        var ids: [Token: Int] = [:]
        for (i, t) in tokens.enumerated() { ids[t] = i }
        precondition(ids.count == tokens.count, "duplicate tokens in a vocabulary")
        self.ids = ids
    }

    /// Parses a vocabulary from its token texts (as stored in a model file); nil if any text is not a token
    /// or a token repeats.
    public init?(texts: [String]) {
        var tokens: [Token] = []
        for t in texts { guard let token = Token(text: t) else { return nil }; tokens.append(token) }
        guard Set(tokens).count == tokens.count else { return nil }
        self.init(tokens: tokens)
    }

    /// The number of tokens.
    public var count: Int { tokens.count }

    /// The id of a token, or nil when it is not in the vocabulary.
    public func id(of token: Token) -> Int? { ids[token] }

    /// The token with an id.
    public subscript(id: Int) -> Token { tokens[id] }

    /// The token texts in id order.
    public var texts: [String] { tokens.map(\.text) }

    /// Style labels of the standard vocabulary. `folk` stands for any or unknown style.
    public static let styles = ["folk", "reel", "jig", "slipjig", "hornpipe", "strathspey", "polka", "waltz", "march", "air"]

    /// Meters of the standard vocabulary, as written.
    public static let meters = ["2/4", "3/4", "4/4", "C", "C|", "2/2", "3/8", "6/8", "9/8", "12/8", "6/4", "3/2", "9/4", "5/4"]

    /// Pitch range of the standard vocabulary, in semitones above the tonic in middle C's octave (the corpus
    /// spans -15...+31).
    public static let pitchRange = -15...33

    /// Durations of the standard vocabulary in quarter notes. A longer or odd note is written as tied pieces
    /// of these (largest first), so any note whose length is a sum of them is representable.
    public static let durations: [Rational] = [
        Rational(1, 8), Rational(1, 6), Rational(1, 4), Rational(1, 3), Rational(3, 8), Rational(1, 2),
        Rational(2, 3), Rational(3, 4), Rational(1), Rational(5, 4), Rational(4, 3), Rational(3, 2),
        Rational(7, 4), Rational(2), Rational(5, 2), Rational(3), Rational(7, 2), Rational(4), Rational(9, 2),
        Rational(6), Rational(8),
    ]

    /// The standard vocabulary: specials, styles, meters, modes, pitches, durations (≤ 128 tokens).
    public static let standard: Vocabulary = {
        var t: [Token] = [.pad, .begin, .end, .bar, .tie, .rest]
        t += styles.map { .style($0) }
        t += meters.map { .meter($0) }
        t += Mode.allCases.map { .mode($0) }
        t += pitchRange.map { .pitch($0) }
        t += durations.map { .duration($0) }
        return Vocabulary(tokens: t)
    }()

    /// The ids of every duration token, with their lengths, longest first.
    public var durationIDs: [(id: Int, length: Rational)] {
        tokens.enumerated().compactMap { i, t in
            if case .duration(let d) = t { return (i, d) } else { return nil }
        }.sorted { $0.length > $1.length }
    }

    /// The ids of every pitch token, with their offsets.
    public var pitchIDs: [(id: Int, offset: Int)] {
        tokens.enumerated().compactMap { i, t in
            if case .pitch(let p) = t { return (i, p) } else { return nil }
        }
    }
}
