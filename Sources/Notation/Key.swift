/// A key: a tonic and a mode (G major, E minor, A dorian).
public struct Key: Sendable, Hashable, Codable {
    /// The tonic (final) of the mode.
    public var tonic: PitchSpelling
    /// The mode.
    public var mode: Mode

    /// Creates a key from a tonic and a mode.
    public init(tonic: PitchSpelling, mode: Mode = .major) {
        self.tonic = tonic
        self.mode = mode
    }

    /// C major.
    public static let cMajor = Key(tonic: PitchSpelling(.c), mode: .major)

    /// Sharps (> 0) or flats (< 0) in the key signature; beyond ±7 letters take double accidentals.
    public var fifths: Int {
        let naturalFifths: Int   // the natural letter's place on the circle of fifths (C = 0)
        switch tonic.letter {
        case .f: naturalFifths = -1
        case .c: naturalFifths = 0
        case .g: naturalFifths = 1
        case .d: naturalFifths = 2
        case .a: naturalFifths = 3
        case .e: naturalFifths = 4
        case .b: naturalFifths = 5
        }
        return naturalFifths + 7 * tonic.accidental.alteration + mode.fifthsOffset
    }

    /// The accidental the signature gives a letter.
    public func signatureAccidental(for letter: Letter) -> Accidental {
        let sharpOrder: [Letter] = [.f, .c, .g, .d, .a, .e, .b]
        let n = fifths
        if n >= 0 {
            let i = sharpOrder.firstIndex(of: letter)!
            return Accidental(alteration: (n > i ? 1 : 0) + (n > i + 7 ? 1 : 0)) ?? .doubleSharp
        } else {
            let flatOrder: [Letter] = [.b, .e, .a, .d, .g, .c, .f]
            let i = flatOrder.firstIndex(of: letter)!
            return Accidental(alteration: -((-n > i ? 1 : 0) + (-n > i + 7 ? 1 : 0))) ?? .doubleFlat
        }
    }

    /// The pitch classes of the seven scale degrees, starting at the tonic.
    public var scalePitchClasses: [Int] { mode.scaleSteps.map { (tonic.pitchClass + $0) % 12 } }

    /// The spelling of each scale degree (tonic first), by the key signature.
    public var scaleSpellings: [PitchSpelling] {
        (0..<7).map { step in
            let letter = tonic.letter.advanced(by: step)
            return PitchSpelling(letter, signatureAccidental(for: letter))
        }
    }

    /// Spells a pitch in this key: scale notes as the signature has them; other notes with the accidental
    /// nearest the signature (sharp-ward in sharp keys and for raised degrees, flat-ward in flat keys).
    public func spell(_ pitch: Pitch) -> SpelledNote {
        let pc = pitch.pitchClass
        if let degree = scalePitchClasses.firstIndex(of: pc) {   // scaleSpellings[degree], without the other six
            let letter = tonic.letter.advanced(by: degree)
            return SpelledNote(spelling: PitchSpelling(letter, signatureAccidental(for: letter)), pitch: pitch)
        }
        let preferred = fifths >= 0 || mode.isMinorLike ? 1 : -1
        var best: (cost: Int, spelling: PitchSpelling)?
        for letter in Letter.allCases {
            var alter = pc - letter.naturalSemitones
            alter = ((alter + 6) % 12 + 12) % 12 - 6
            guard abs(alter) <= 1 else { continue }
            let sig = signatureAccidental(for: letter).alteration
            let distance = abs(alter - sig)
            let direction = alter > sig ? 1 : -1
            let cost = distance * 4 + abs(alter) + (direction == preferred ? 0 : 2)
            if best == nil || cost < best!.cost { best = (cost, PitchSpelling(letter, Accidental(alteration: alter)!)) }
        }
        return SpelledNote(spelling: best!.spelling, pitch: pitch)
    }

    /// The key moved by an interval (tonic spelled by the interval's letter steps).
    public func transposed(by interval: Interval) -> Key? {
        tonic.transposed(by: interval).map { Key(tonic: $0, mode: mode) }
    }

    /// Parses `G`, `Em`, `F#m`, `Bb`, `Ador`, `A Dorian`, `Amin`, `E Minor`, `D mixolydian`, `Cmaj`
    /// (mode words case-insensitive, matched by their first three letters; `m` alone is minor).
    public init(parsing text: some StringProtocol) throws(NotationError) {
        let trimmed = text.drop(while: { $0 == " " })
        var index = trimmed.startIndex
        guard index < trimmed.endIndex, let letter = Letter(character: trimmed[index]), trimmed[index].isUppercase else {
            throw .unknownKey(String(text))
        }
        index = trimmed.index(after: index)
        var accidental = Accidental.natural
        if index < trimmed.endIndex, trimmed[index] == "#" || trimmed[index] == "b" {
            accidental = trimmed[index] == "#" ? .sharp : .flat
            index = trimmed.index(after: index)
        }
        let word = String(trimmed[index...].filter { $0 != " " })
        guard let mode = Mode(word: word) else { throw .unknownKey(String(text)) }
        self.init(tonic: PitchSpelling(letter, accidental), mode: mode)
    }
}

extension SpelledNote {
    /// The note with a given spelling that sounds as `pitch` (octave adjusted for B# and Cb).
    init(spelling: PitchSpelling, pitch: Pitch) {
        let octave = (pitch.midi - 12 - spelling.letter.naturalSemitones - spelling.accidental.alteration) / 12
        self.init(letter: spelling.letter, accidental: spelling.accidental, octave: octave)
    }
}

extension Key: CustomStringConvertible {
    /// e.g. `G major`, `A dorian`.
    public var description: String { "\(tonic) \(mode.rawValue)" }
}
