import Notation

/// Readers for the values of header fields (`K:`, `M:`, `L:`, `Q:`). Header values are short, so they are
/// read as Strings; the tune body is read byte by byte (see ABCBodyParser).
enum ABCFieldParser {
    /// A key with the accidental (in semitones) its signature gives each letter C…B.
    struct KeySignature: Sendable, Hashable {
        var key: Key
        var alterations: [Int]
    }

    /// Reads a `K:` value: `G`, `Em`, `F#m`, `Bb`, `Ador`, `A Dorian`, `EMin`, `HP`/`Hp` (pipes),
    /// `none`, optionally followed by explicit accidentals (`Dmix =c`) and `clef=` style settings.
    static func key(_ raw: String, at location: ABCLocation) throws(ABCError) -> KeySignature {
        let text = raw.trimmingCharacters()
        func fail(_ reason: String) -> ABCError {
            .invalidField(field: "K", value: raw, at: location, reason: reason)
        }
        if text.isEmpty || text.lowercased() == "none" || text.hasPrefix("clef=") {
            return KeySignature(key: .cMajor, alterations: Array(repeating: 0, count: 7))
        }
        if text == "HP" || text == "Hp" {
            // Highland pipes: abc2midi plays both spellings with F# and C# (A mixolydian).
            let key = Key(tonic: PitchSpelling(.a), mode: .mixolydian)
            return KeySignature(key: key, alterations: signature(of: key))
        }
        var chars = Array(text.utf8)[...]
        guard let first = chars.first, let letter = Letter(character: Character(UnicodeScalar(first))) else {
            throw fail("a key starts with a tonic A–G (K:G, K:Ador, K:F#m) or is K:none")
        }
        chars = chars.dropFirst()
        var accidental = Accidental.natural
        if chars.first == UInt8(ascii: "#") {
            accidental = .sharp
            chars = chars.dropFirst()
        } else if chars.first == UInt8(ascii: "b") {
            accidental = .flat
            chars = chars.dropFirst()
        }
        while chars.first == UInt8(ascii: " ") || chars.first == UInt8(ascii: "\t") { chars = chars.dropFirst() }
        var word = ""
        while let c = chars.first, (c >= 65 && c <= 90) || (c >= 97 && c <= 122) {
            word.append(Character(UnicodeScalar(c)))
            chars = chars.dropFirst()
        }
        var mode = Mode.major
        if chars.first == UInt8(ascii: "=") {
            // `K:G clef=bass`: the word was a setting name, not a mode.
            word = ""
        }
        if !word.isEmpty {
            guard let m = Mode(word: word) else {
                throw fail("unknown mode \"\(word)\"; use maj, min, m, dor, phr, lyd, mix, loc, ion or aeo")
            }
            mode = m
        }
        let key = Key(tonic: PitchSpelling(letter, accidental), mode: mode)
        var alterations = signature(of: key)
        // Explicit accidentals after the mode (`K:Dmix =c ^f`) override the signature.
        let rest = String(decoding: chars, as: UTF8.self)
        for token in rest.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            let t = Array(token.utf8)
            guard let last = t.last, t.count >= 2, !token.contains("=") || t[0] == UInt8(ascii: "=") else { continue }
            guard let l = Letter(character: Character(UnicodeScalar(last))) else { continue }
            let prefix = String(decoding: t.dropLast(), as: UTF8.self)
            let alteration: Int
            switch prefix {
            case "^": alteration = 1
            case "^^": alteration = 2
            case "_": alteration = -1
            case "__": alteration = -2
            case "=": alteration = 0
            default: continue
            }
            alterations[l.rawValue] = alteration
        }
        return KeySignature(key: key, alterations: alterations)
    }

    /// The alteration of each letter C…B in a key's signature.
    static func signature(of key: Key) -> [Int] {
        Letter.allCases.map { key.signatureAccidental(for: $0).alteration }
    }

    /// Reads an `M:` value: `6/8`, `C`, `C|`, `(2+3)/8`, `none`. Returns nil for free meter.
    static func meter(_ raw: String, at location: ABCLocation) throws(ABCError) -> ABCMeter? {
        let text = raw.trimmingCharacters()
        func fail(_ reason: String) -> ABCError {
            .invalidField(field: "M", value: raw, at: location, reason: reason)
        }
        switch text {
        case "", "none", "None": return nil
        case "C": return ABCMeter(numerator: 4, denominator: 4, text: "C")
        case "C|": return ABCMeter(numerator: 2, denominator: 2, text: "C|")
        default: break
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw fail("a meter is n/d (6/8), C, C| or none") }
        var top = String(parts[0]).trimmingCharacters()
        if top.hasPrefix("(") && top.hasSuffix(")") { top = String(top.dropFirst().dropLast()) }
        var numerator = 0
        for term in top.split(separator: "+", omittingEmptySubsequences: false) {
            guard let n = Int(term.trimmingCharacters()), n >= 0 else { throw fail("the numerator is not a number") }
            numerator += n
        }
        guard let denominator = Int(String(parts[1]).trimmingCharacters()) else {
            throw fail("the denominator is not a number")
        }
        guard numerator > 0, denominator > 0 else { throw fail("a meter needs a numerator and denominator above 0") }
        guard numerator <= 64, denominator <= 64 else { throw fail("a meter's numbers must be at most 64") }
        return ABCMeter(numerator: numerator, denominator: denominator, text: text)
    }

    /// Reads an `L:` value (`1/8`) as a fraction of a whole note.
    static func unitLength(_ raw: String, at location: ABCLocation) throws(ABCError) -> Rational {
        let text = raw.trimmingCharacters()
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let n = Int(parts[0].trimmingCharacters()), n > 0,
            parts.count == 1 || (Int(parts[1].trimmingCharacters()) ?? 0) > 0
        else {
            throw ABCError.invalidField(
                field: "L", value: raw, at: location, reason: "a unit length is a fraction above 0, such as 1/8")
        }
        let d = parts.count == 1 ? 1 : Int(parts[1].trimmingCharacters())!
        // At most a whole note (L:1/1): a longer unit let a fuzzed tune (`L:20`, a note of 2,939 units) last
        // 58,780 whole notes and take 7 s to expand and write (found by Scripts/fuzz/run.sh abc).
        guard n <= d, d <= 1024, d & (d - 1) == 0 else {
            throw ABCError.invalidField(
                field: "L", value: raw, at: location, reason: "a unit length is 1/2^k (1/8, 1/16), at most 1/1 and at least 1/1024")
        }
        return Rational(n, d)
    }

    /// Reads a `Q:` value: `1/4=120`, `3/8=80`, `"Allegro" 1/4=120`, `1/8 3/8=60`, or a bare `120`
    /// (beats of the unit length). Returns nil for text with no tempo.
    static func tempo(_ raw: String, unitLength: Rational, at location: ABCLocation) throws(ABCError) -> ABCTempo? {
        var text = ""
        var inQuote = false
        for c in raw {
            if c == "\"" { inQuote.toggle(); continue }
            if !inQuote { text.append(c) }
        }
        text = text.trimmingCharacters()
        func fail() -> ABCError {
            .invalidField(field: "Q", value: raw, at: location, reason: "a tempo is beat=bpm, such as 1/4=120")
        }
        if text.isEmpty { return nil }
        let sides = text.split(separator: "=", omittingEmptySubsequences: false)
        if sides.count == 1 {
            guard let bpm = Int(text), (1...10_000).contains(bpm) else { throw fail() }
            return ABCTempo(beat: unitLength, beatsPerMinute: bpm)
        }
        guard sides.count == 2, let bpm = Int(sides[1].trimmingCharacters()), (1...10_000).contains(bpm) else { throw fail() }
        var beat = Rational.zero
        for term in sides[0].split(separator: " ") {
            let f = term.split(separator: "/")
            guard f.count == 2, let n = Int(f[0]), let d = Int(f[1]), (1...64).contains(n), (1...1024).contains(d) else {
                throw fail()
            }
            beat += Rational(n, d)
        }
        guard beat > .zero else { throw fail() }
        return ABCTempo(beat: beat, beatsPerMinute: bpm)
    }

    /// The default unit length when `L:` is absent: 1/16 if the meter is below 3/4, else 1/8.
    static func defaultUnitLength(for meter: ABCMeter?) -> Rational {
        guard let meter else { return Rational(1, 8) }
        return meter.fraction < Rational(3, 4) ? Rational(1, 16) : Rational(1, 8)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
