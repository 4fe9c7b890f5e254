import Notation

/// One line of a tunebook: a byte range of the shared buffer and its 1-based line number.
struct ABCLine: Sendable {
    var number: Int
    var start: Int
    var end: Int
}

/// How a reader treats tunes with several voices (`V:`).
public enum ABCVoicePolicy: Sendable, Hashable {
    /// Read every voice; the Score has one part per voice.
    case allVoicesAsParts
    /// Read every voice; the Score has only the first voice (the melody).
    case firstVoiceAsMelody
    /// Fail the tune with `ABCError.unsupported` at its second voice.
    case reject
}

/// A broken-rhythm mark waiting for the note after it.
struct PendingBroken {
    var previousIndex: Int
    var previousWritten: Rational
    var previousIsChord: Bool
    var previousTupletID: Int
    var previousFactor: Rational
    var nextFactor: Rational
    var location: ABCLocation
}

/// What one voice has read so far.
struct ABCVoiceState {
    var id: String
    var elements: [ABCElement] = []
    var time = Rational.zero
    var unitLength: Rational
    var meter: ABCMeter?
    var signature: [Int]
    /// Accidentals written earlier in the bar, by letter (0 = C … 6 = B), in every octave as abc2midi does.
    var barAccidentals: [Int: Int] = [:]
    /// The running tuplet: the factor on each note, how many notes it still covers, and where it began.
    var tuplet: (factor: Rational, remaining: Int, location: ABCLocation, id: Int)?
    /// Tuplets started so far (each tuplet's id), and the tuplet of the last note (0 for none).
    var tupletCount = 0
    var lastTupletID = 0
    /// A `>` or `<` waiting for its second note: the first note's index, written length and factor,
    /// the factor for the next note, and where the mark was.
    var pendingBroken: PendingBroken?
    /// The written length (before tuplets and broken rhythm) of the last note, chord or rest.
    var lastWritten = Rational.zero
    /// Whether the last note, chord or rest was the second note of a `>`/`<` (abc2midi ignores a
    /// broken rhythm that starts on such a note).
    var lastTakesNoBroken = false
    /// Index in `elements` of the last note, chord or rest.
    var lastSounding: Int?
}

/// Reads tune bodies byte by byte (UTF-8, never Characters) into `ABCElement`s with exact onsets.
struct ABCBodyParser {
    let bytes: [UInt8]
    let policy: ABCVoicePolicy
    var voices: [ABCVoiceState] = []
    var current = 0
    let defaultUnitLength: Rational
    let defaultMeter: ABCMeter?
    let defaultSignature: [Int]
    /// Things skipped on the way (for example a stray accidental), for the tune's warnings.
    var warnings: [ABCWarning] = []

    init(bytes: [UInt8], policy: ABCVoicePolicy, unitLength: Rational, meter: ABCMeter?, signature: [Int]) {
        self.bytes = bytes
        self.policy = policy
        self.defaultUnitLength = unitLength
        self.defaultMeter = meter
        self.defaultSignature = signature
    }

    // MARK: Voices

    /// Switches to the voice with this id, creating it with the header's settings.
    mutating func selectVoice(_ id: String, at location: ABCLocation) throws(ABCError) {
        if let i = voices.firstIndex(where: { $0.id == id }) {
            current = i
            return
        }
        if policy == .reject && !voices.isEmpty {
            throw .unsupported(
                feature: "a second voice (V:\(id)); read this tune with a voice policy that keeps voices",
                at: location)
        }
        voices.append(
            ABCVoiceState(id: id, unitLength: defaultUnitLength, meter: defaultMeter, signature: defaultSignature))
        current = voices.count - 1
    }

    mutating func ensureVoice() {
        if voices.isEmpty {
            voices.append(
                ABCVoiceState(id: "1", unitLength: defaultUnitLength, meter: defaultMeter, signature: defaultSignature))
            current = 0
        }
    }

    // MARK: Fields in the body

    /// Applies a field met in the body (`K:` line or `[K:…]`).
    mutating func applyField(_ letter: UInt8, _ value: String, at location: ABCLocation) throws(ABCError) {
        if letter == UInt8(ascii: "V") {
            let id = value.trimmingCharacters().split(separator: " ").first.map(String.init) ?? "1"
            try selectVoice(id, at: location)
            return
        }
        ensureVoice()
        switch letter {
        case UInt8(ascii: "K"):
            let trimmed = value.trimmingCharacters()
            if trimmed.hasPrefix("clef=") || trimmed.hasPrefix("clef ") { return }
            let k = try ABCFieldParser.key(value, at: location)
            voices[current].signature = k.alterations
            voices[current].barAccidentals = [:]
            append(.keyChange(k.key, onset: voices[current].time))
        case UInt8(ascii: "M"):
            let m = try ABCFieldParser.meter(value, at: location)
            voices[current].meter = m
            if let m { append(.meterChange(m, onset: voices[current].time)) }
        case UInt8(ascii: "L"):
            voices[current].unitLength = try ABCFieldParser.unitLength(value, at: location)
        case UInt8(ascii: "Q"):
            if let t = try? ABCFieldParser.tempo(value, unitLength: voices[current].unitLength, at: location) {
                append(.tempoChange(t, onset: voices[current].time))
            }
        case UInt8(ascii: "P"):
            let label = value.trimmingCharacters()
            if !label.isEmpty { append(.partLabel(label, onset: voices[current].time)) }
        default:
            break  // T:, W:, w:, N:, I:, … carry no notes.
        }
    }

    mutating func append(_ element: ABCElement) {
        voices[current].elements.append(element)
    }

    // MARK: Finishing

    /// Checks that nothing is left open and returns the voices that hold anything.
    func finish() throws(ABCError) -> [ABCVoice] {
        for v in voices {
            if let t = v.tuplet {
                throw .unterminated(what: "tuplet (it still needed \(t.remaining) notes)", at: t.location)
            }
            if let b = v.pendingBroken {
                throw .invalidBody(at: b.location, reason: "broken rhythm > or < with no note after it")
            }
        }
        let kept = voices.filter { !$0.elements.isEmpty }
        return kept.map { ABCVoice(id: $0.id, elements: $0.elements) }
    }
}
