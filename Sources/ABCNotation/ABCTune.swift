import Notation

/// An ABC meter (`M:`): a fraction, `C`, `C|`, or `none` (free meter).
public struct ABCMeter: Sendable, Hashable {
    /// Numerator (the sum for `(2+3)/8`).
    public var numerator: Int
    /// Denominator.
    public var denominator: Int
    /// The field as written (`C|`, `6/8`).
    public var text: String

    /// Creates a meter; `text` defaults to `n/d`.
    public init(numerator: Int, denominator: Int, text: String? = nil) {
        self.numerator = numerator
        self.denominator = denominator
        self.text = text ?? "\(numerator)/\(denominator)"
    }

    /// The bar length as a fraction of a whole note (6/8 → 3/4).
    public var fraction: Rational { Rational(numerator, denominator) }

    /// The bar length in quarter notes (6/8 → 3).
    public var barLength: Rational { Rational(numerator * 4, denominator) }
}

/// An ABC tempo (`Q:1/4=120`): `beatsPerMinute` beats, each `beat` of a whole note long.
public struct ABCTempo: Sendable, Hashable {
    /// The beat as a fraction of a whole note (1/4 for a crotchet).
    public var beat: Rational
    /// Beats per minute.
    public var beatsPerMinute: Int

    /// Creates a tempo.
    public init(beat: Rational, beatsPerMinute: Int) {
        self.beat = beat
        self.beatsPerMinute = beatsPerMinute
    }

    /// The tempo in quarter notes per minute (Q:3/8=120 → 180).
    public var quarterNotesPerMinute: Rational { Rational(beatsPerMinute) * beat * Rational(4) }
}

/// One voice of a tune body (a tune without `V:` has one voice named "1").
public struct ABCVoice: Sendable, Hashable {
    /// The voice id from `V:` ("1" when the tune has none).
    public var id: String
    /// The body items of this voice in written order.
    public var elements: [ABCElement]

    /// Creates a voice.
    public init(id: String, elements: [ABCElement]) {
        self.id = id
        self.elements = elements
    }
}

/// A parsed ABC tune: its header fields and its body with exact onsets (repeats not expanded).
public struct ABCTune: Sendable, Hashable {
    /// The reference number from `X:`.
    public var referenceNumber: Int
    /// Every `T:` title in order (the first is the main title).
    public var titles: [String]
    /// The meter in force at the start (`M:`); nil for `M:none` or no `M:`.
    public var meter: ABCMeter?
    /// The unit note length as a fraction of a whole note (`L:`, or the default rule).
    public var unitLength: Rational
    /// The key at the start (`K:`).
    public var key: Key
    /// The tempo at the start (`Q:`), if given.
    public var tempo: ABCTempo?
    /// The rhythm (`R:`), if given.
    public var rhythm: String?
    /// The header's part order (`P:AABB`), if given.
    public var partOrder: String?
    /// Every other header field by its letter, in order (`C`, `O`, `B`, `Z`, `N`, `S`, `H`, `I`, …).
    public var otherFields: [String: [String]]
    /// The voices; a single-voice tune has one.
    public var voices: [ABCVoice]
    /// Problems skipped while reading (malformed header lines).
    public var warnings: [ABCWarning]
    /// Where the `X:` line is.
    public var location: ABCLocation

    /// The main title, or "" when the tune has none.
    public var title: String { titles.first ?? "" }

    /// The first voice's body.
    public var body: [ABCElement] { voices.first?.elements ?? [] }
}
