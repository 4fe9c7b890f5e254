import Notation

// ASCII bytes the body reader looks at.
private let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), quote = UInt8(ascii: "\"")
private let bar = UInt8(ascii: "|"), colon = UInt8(ascii: ":"), lbracket = UInt8(ascii: "[")
private let rbracket = UInt8(ascii: "]"), slash = UInt8(ascii: "/"), percent = UInt8(ascii: "%")
private let backslash = UInt8(ascii: "\\"), bang = UInt8(ascii: "!"), plus = UInt8(ascii: "+")
private let lbrace = UInt8(ascii: "{"), rbrace = UInt8(ascii: "}"), lparen = UInt8(ascii: "("),
    rparen = UInt8(ascii: ")")
private let hyphen = UInt8(ascii: "-"), greater = UInt8(ascii: ">"), less = UInt8(ascii: "<")
private let comma = UInt8(ascii: ","), apostrophe = UInt8(ascii: "'")

@inline(__always) private func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
@inline(__always) private func isLetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }

/// Decoration symbols accepted (and not played) before notes: `~` and `.`, and the letters ABC 2.1
/// reserves for symbols, H–W and h–w (`T` trill, `H` fermata, `u`/`v` bowings, the stray `k` of Ryan's
/// Mammoth encodings, and the other reserved letters, which abc2midi also ignores).
private func isDecorationLetter(_ c: UInt8) -> Bool {
    c == UInt8(ascii: "~") || c == UInt8(ascii: ".") || (c >= UInt8(ascii: "H") && c <= UInt8(ascii: "W"))
        || (c >= UInt8(ascii: "h") && c <= UInt8(ascii: "w"))
}

/// The semitones of letters C…B and their index, for a byte 'A'…'G' / 'a'…'g'.
private func letterIndex(_ c: UInt8) -> Int? {
    switch c | 0x20 {
    case UInt8(ascii: "c"): return 0
    case UInt8(ascii: "d"): return 1
    case UInt8(ascii: "e"): return 2
    case UInt8(ascii: "f"): return 3
    case UInt8(ascii: "g"): return 4
    case UInt8(ascii: "a"): return 5
    case UInt8(ascii: "b"): return 6
    default: return nil
    }
}
private let naturalSemitones = [0, 2, 4, 5, 7, 9, 11]

extension ABCBodyParser {
    /// Reads one line of music (not a field line).
    mutating func parseMusic(_ line: ABCLine) throws(ABCError) {
        ensureVoice()
        var i = line.start
        let end = line.end
        func loc(_ at: Int) -> ABCLocation { ABCLocation(line: line.number, column: at - line.start + 1) }
        while i < end {
            let c = bytes[i]
            switch c {
            case space, tab, UInt8(ascii: "`"), UInt8(ascii: "y"), UInt8(ascii: "$"):
                i += 1
            case percent:
                return  // a comment: the rest of the line carries no music
            case backslash:
                i += 1  // a line continuation (abc2midi also skips a stray one inside a line)
            case quote:
                guard let close = find(quote, from: i + 1, end: end) else {
                    throw .unterminated(what: "quoted text \"", at: loc(i))
                }
                // "Am7" is a chord symbol; "^text", "_text", fingerings "4" and "D.C." are ignored.
                let first = bytes[i + 1]
                if close > i + 1, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "G"),
                    let symbol = ChordSymbol(parsing: String(decoding: bytes[(i + 1)..<close], as: UTF8.self))
                {
                    append(.chordSymbol(symbol, onset: voices[current].time))
                }
                i = close + 1
            case bang:
                // `!trill!` is a decoration; a lone `!` is the ABC 1.6 line break.
                if let close = find(bang, from: i + 1, end: end),
                    bytes[(i + 1)..<close].allSatisfy({ $0 != space && $0 != bar })
                {
                    i = close + 1
                } else {
                    i += 1
                }
            case plus:
                // `+trill+` is a decoration; a lone `+` (no closing one on the line) carries nothing.
                i = (find(plus, from: i + 1, end: end) ?? i) + 1
            case lbrace:
                guard let close = find(rbrace, from: i + 1, end: end) else {
                    throw .unterminated(what: "grace notes {…}", at: loc(i))
                }
                i = close + 1  // grace notes take no time and are not played
            case lparen:
                if i + 1 < end, isDigit(bytes[i + 1]) {
                    try readTuplet(&i, end: end, location: loc(i))
                } else {
                    i += 1  // slur
                }
            case rparen:
                i += 1
            case hyphen:
                markTie()
                i += 1
            case greater, less:
                var n = 0
                let at = i
                while i < end, bytes[i] == c { n += 1; i += 1 }
                guard n <= 3 else { throw .invalidBody(at: loc(at), reason: "broken rhythm longer than >>>") }
                let short = Rational(1, 1 << n)
                let long = Rational(2) - short
                try applyBroken(previous: c == greater ? long : short, next: c == greater ? short : long, at: loc(at))
            case bar, colon:
                readBar(&i, end: end, location: loc(i))
            case lbracket:
                if i + 2 < end, isLetter(bytes[i + 1]), bytes[i + 2] == colon {
                    guard let close = find(rbracket, from: i + 3, end: end) else {
                        throw .unterminated(what: "inline field [\(Character(UnicodeScalar(bytes[i + 1]))):", at: loc(i))
                    }
                    let value = String(decoding: bytes[(i + 3)..<close], as: UTF8.self)
                    try applyField(bytes[i + 1], value, at: loc(i))
                    i = close + 1
                } else if i + 1 < end, bytes[i + 1] == bar {
                    readBar(&i, end: end, location: loc(i))
                } else if i + 1 < end, isDigit(bytes[i + 1]) {
                    i += 1
                    let endings = readEndingList(&i, end: end)
                    addEndings(endings, location: loc(i))
                } else {
                    try readChord(&i, end: end, line: line)
                }
            case UInt8(ascii: "z"), UInt8(ascii: "x"):
                let at = i
                i += 1
                let m = try readLength(&i, end: end, location: loc(at))
                addSounding(.rest(onset: .zero, duration: voices[current].unitLength * 4 * m))
            case UInt8(ascii: "Z"), UInt8(ascii: "X"):
                let at = i
                i += 1
                var bars = 0
                var digits = 0
                while i < end, isDigit(bytes[i]), digits < 4 { bars = bars * 10 + Int(bytes[i] - 48); i += 1; digits += 1 }
                if digits == 0 { bars = 1 }
                guard bars > 0 else { throw .invalidBody(at: loc(at), reason: "a multi-bar rest of 0 bars") }
                let barLength = voices[current].meter?.barLength ?? Rational(4)
                addSounding(.rest(onset: .zero, duration: barLength * Rational(bars)))
                _ = at
            case UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "="),
                UInt8(ascii: "A")...UInt8(ascii: "G"), UInt8(ascii: "a")...UInt8(ascii: "g"):
                if skipStrayAccidental(&i, end: end, line: line) { continue }
                let note = try readNote(&i, end: end, line: line)
                var element = ABCNote(pitch: note.pitch, onset: .zero, duration: voices[current].unitLength * 4 * note.multiplier,
                    location: note.location)
                element.isTied = false
                addSounding(.note(element))
            case rbracket:
                throw .invalidBody(at: loc(i), reason: "']' with no '[' before it")
            case UInt8(ascii: "&"):
                throw .unsupported(feature: "voice overlay '&'; split the overlay into V: voices", at: loc(i))
            default:
                if isDecorationLetter(c) {
                    i += 1
                } else if isDigit(c), lastIsBareBar {
                    // An ending number split from its bar line by a line break (`|1 … :|` / `2BGG`).
                    addEndings(readEndingList(&i, end: end), location: loc(i))
                } else if c >= 0x80 || c < 0x20 {
                    throw .invalidBody(at: loc(i), reason: "unexpected byte 0x\(String(c, radix: 16)) in the tune body; ABC music is ASCII")
                } else {
                    throw .invalidBody(at: loc(i), reason: "unexpected character '\(Character(UnicodeScalar(c)))' in the tune body")
                }
            }
        }
    }

    /// True when the voice's last element is a bar line at the current time with no ending yet.
    var lastIsBareBar: Bool {
        guard case .bar(let b) = voices[current].elements.last else { return false }
        return b.onset == voices[current].time && b.endings.isEmpty
    }

    func find(_ byte: UInt8, from: Int, end: Int) -> Int? {
        var j = from
        while j < end {
            if bytes[j] == byte { return j }
            j += 1
        }
        return nil
    }

    // MARK: Notes

    /// Skips accidentals with no note letter after them, and the length digits and slashes that follow,
    /// as abc2midi does (such text is usually a mail or web artefact: quoted-printable `=20` or a soft
    /// line break `=` at the end of a line). Returns whether it skipped anything; records a warning.
    mutating func skipStrayAccidental(_ i: inout Int, end: Int, line: ABCLine) -> Bool {
        var j = i
        while j < end, bytes[j] == UInt8(ascii: "^") || bytes[j] == UInt8(ascii: "_") || bytes[j] == UInt8(ascii: "=") { j += 1 }
        guard j > i, j == end || letterIndex(bytes[j]) == nil || (bytes[j] | 0x20) > UInt8(ascii: "g") else { return false }
        while j < end, isDigit(bytes[j]) || bytes[j] == UInt8(ascii: "/") { j += 1 }
        let text = String(decoding: bytes[i..<j], as: UTF8.self)
        warnings.append(ABCWarning(location: ABCLocation(line: line.number, column: i - line.start + 1),
                                   message: "accidental with no note after it (\"\(text)\"); skipped, as abc2midi does"))
        i = j
        return true
    }

    /// Reads accidentals, a letter, octave marks and a length; applies the key signature and bar accidentals.
    mutating func readNote(_ i: inout Int, end: Int, line: ABCLine) throws(ABCError)
        -> (pitch: Pitch, multiplier: Rational, location: ABCLocation)
    {
        let location = ABCLocation(line: line.number, column: i - line.start + 1)
        var explicit: Int?
        while i < end {
            switch bytes[i] {
            case UInt8(ascii: "^"): explicit = (explicit ?? 0) + 1
            case UInt8(ascii: "_"): explicit = (explicit ?? 0) - 1
            case UInt8(ascii: "="): explicit = 0
            default: break
            }
            if bytes[i] != UInt8(ascii: "^") && bytes[i] != UInt8(ascii: "_") && bytes[i] != UInt8(ascii: "=") { break }
            i += 1
        }
        guard i < end, let letter = letterIndex(bytes[i]), (bytes[i] | 0x20) <= UInt8(ascii: "g") else {
            throw .invalidBody(at: location, reason: "an accidental must be followed by a note letter A–G or a–g")
        }
        if let e = explicit, abs(e) > 2 {
            throw .invalidBody(at: location, reason: "more than two sharps or flats on one note")
        }
        var octave = bytes[i] >= UInt8(ascii: "a") ? 1 : 0
        i += 1
        while i < end {
            if bytes[i] == comma { octave -= 1 } else if bytes[i] == apostrophe { octave += 1 } else { break }
            i += 1
        }
        // abc2midi carries an accidental to the same letter in every octave until the bar line.
        let step = letter
        let alteration: Int
        if let e = explicit {
            voices[current].barAccidentals[step] = e
            alteration = e
        } else {
            alteration = voices[current].barAccidentals[step] ?? voices[current].signature[letter]
        }
        let midi = 60 + 12 * octave + naturalSemitones[letter] + alteration
        let pitch: Pitch
        do { pitch = try Pitch(midi: midi) } catch {
            throw .invalidBody(at: location, reason: "note is MIDI pitch \(midi), outside 0…127; remove octave marks")
        }
        let multiplier = try readLength(&i, end: end, location: location)
        return (pitch, multiplier, location)
    }

    /// Reads a length suffix: `2`, `3/2`, `/2`, `/`, `//`. Returns the multiple of the unit length.
    func readLength(_ i: inout Int, end: Int, location: ABCLocation) throws(ABCError) -> Rational {
        var numerator = 1
        var digits = 0
        var value = 0
        while i < end, isDigit(bytes[i]) {
            value = value * 10 + Int(bytes[i] - 48)
            digits += 1
            i += 1
            // Up to 7 digits: ABCWriter writes a bar-long rest or note in 4096ths of L: (z28673/4096 in C|),
            // which must read back (found by Scripts/fuzz/run.sh abc). The denominator stays at most 4096, and
            // the length at most 9999 units (checked below; a longer note made the writer write 270,000 bars).
            guard digits <= 7 else { throw .invalidBody(at: location, reason: "note length has too many digits") }
        }
        if digits > 0 {
            guard value > 0 else { throw .invalidBody(at: location, reason: "note length 0; write a length of 1 or more") }
            numerator = value
        }
        var denominator = 1
        while i < end, bytes[i] == slash {
            i += 1
            var d = 0
            var dDigits = 0
            while i < end, isDigit(bytes[i]) {
                d = d * 10 + Int(bytes[i] - 48)
                dDigits += 1
                i += 1
                guard dDigits <= 4 else { throw .invalidBody(at: location, reason: "note length has too many digits") }
            }
            if dDigits == 0 { d = 2 }
            guard d > 0 else { throw .invalidBody(at: location, reason: "note length /0 divides by zero") }
            denominator *= d
            guard denominator <= 1 << 12 else { throw .invalidBody(at: location, reason: "note length too short") }
            // Only power-of-two divisions, as abc2midi: other fractions are written with tuplets. This
            // also keeps every onset a small exact fraction.
            guard d & (d - 1) == 0 else {
                throw .invalidBody(at: location, reason: "note length /\(d): divide by a power of two, or use a tuplet")
            }
        }
        guard numerator <= 9999 * denominator else {
            throw .invalidBody(at: location, reason: "note length \(numerator)/\(denominator) is over 9999 units of L:")
        }
        return Rational(numerator, denominator)
    }

    /// Reads `[CEG]2` with optional per-note ties and a tie after the bracket.
    mutating func readChord(_ i: inout Int, end: Int, line: ABCLine) throws(ABCError) {
        let open = ABCLocation(line: line.number, column: i - line.start + 1)
        i += 1
        var notes: [ABCNote] = []
        var firstMultiplier: Rational?
        while true {
            guard i < end else { throw .unterminated(what: "chord [", at: open) }
            let c = bytes[i]
            if c == rbracket { i += 1; break }
            if c == hyphen {
                if !notes.isEmpty { notes[notes.count - 1].isTied = true }
                i += 1
            } else if c == space || c == tab || isDecorationLetter(c) || c == lparen || c == rparen {
                i += 1
            } else if c == quote {
                guard let close = find(quote, from: i + 1, end: end) else {
                    throw .unterminated(what: "quoted text \"", at: ABCLocation(line: line.number, column: i - line.start + 1))
                }
                i = close + 1
            } else if c == bang, let close = find(bang, from: i + 1, end: end) {
                i = close + 1
            } else if c == UInt8(ascii: "^") || c == UInt8(ascii: "_") || c == UInt8(ascii: "=") || letterIndex(c) != nil && (c | 0x20) <= UInt8(ascii: "g") {
                let n = try readNote(&i, end: end, line: line)
                if firstMultiplier == nil { firstMultiplier = n.multiplier }
                notes.append(ABCNote(pitch: n.pitch, onset: .zero, duration: .zero, location: n.location))
            } else {
                throw .invalidBody(
                    at: ABCLocation(line: line.number, column: i - line.start + 1),
                    reason: "unexpected character '\(Character(UnicodeScalar(c)))' inside chord [ ]; a chord holds notes only")
            }
        }
        guard let first = firstMultiplier else { throw .invalidBody(at: open, reason: "empty chord []") }
        let outer = try readLength(&i, end: end, location: open)
        let duration = voices[current].unitLength * 4 * first * outer
        if notes.count == 1 {
            var n = notes[0]
            n.duration = duration
            addSounding(.note(n))
        } else {
            addSounding(.chord(notes: notes, onset: .zero, duration: duration))
        }
    }

    /// Appends a note, chord or rest at the voice's time, applying the running tuplet and broken rhythm.
    mutating func addSounding(_ element: ABCElement) {
        let written = element.duration
        var isChord = false
        if case .chord = element { isChord = true }
        var factor = Rational.one
        var tupletID = 0
        if let t = voices[current].tuplet {
            factor = t.factor
            tupletID = t.id
            voices[current].tuplet = t.remaining > 1 ? (t.factor, t.remaining - 1, t.location, t.id) : nil
        }
        var brokenSecond = false
        if let b = voices[current].pendingBroken {
            voices[current].pendingBroken = nil
            // abc2midi ignores `>`/`<` between two notes (or rests) of different written lengths
            // (`d>B/` plays as written) and into or out of a tuplet (`A>(3Bcd`, `(3ABc>G`; inside one,
            // `(3A>Bc`, it applies); we do the same. See README.md.
            if (written == b.previousWritten || isChord || b.previousIsChord) && tupletID == b.previousTupletID {
                factor *= b.nextFactor
                lengthenPrevious(b)
                brokenSecond = true
            }
        }
        voices[current].lastTakesNoBroken = brokenSecond
        voices[current].lastTupletID = tupletID
        let onset = voices[current].time
        let timed = retimed(element, onset: onset, factor: factor)
        voices[current].elements.append(timed)
        voices[current].lastSounding = voices[current].elements.count - 1
        voices[current].lastWritten = written
        voices[current].time = onset + timed.duration
    }

    /// Applies a broken rhythm's factor to its first note and moves what follows it.
    mutating func lengthenPrevious(_ b: PendingBroken) {
        let old = voices[current].elements[b.previousIndex]
        let new = retimed(old, onset: old.onset, factor: b.previousFactor)
        let delta = new.duration - old.duration
        voices[current].elements[b.previousIndex] = new
        var k = b.previousIndex + 1
        while k < voices[current].elements.count {
            let e = voices[current].elements[k]
            voices[current].elements[k] = ABCTune.moved(e, to: e.onset + delta)
            k += 1
        }
        voices[current].time += delta
    }

    /// The element moved to `onset` with its length multiplied by `factor`.
    func retimed(_ element: ABCElement, onset: Rational, factor: Rational) -> ABCElement {
        switch element {
        case .note(var n):
            n.onset = onset
            n.duration *= factor
            return .note(n)
        case .chord(let notes, _, let d):
            let duration = d * factor
            return .chord(
                notes: notes.map { var n = $0; n.onset = onset; n.duration = duration; return n }, onset: onset,
                duration: duration)
        case .rest(_, let d):
            return .rest(onset: onset, duration: d * factor)
        default:
            return element
        }
    }

    /// `>` / `<`: marks the previous note to be lengthened or shortened, and the next one the other way.
    mutating func applyBroken(previous: Rational, next: Rational, at location: ABCLocation) throws(ABCError) {
        guard let index = voices[current].lastSounding else {
            throw .invalidBody(at: location, reason: "broken rhythm > or < with no note before it")
        }
        // abc2midi ignores a `>` after the second note of another `>` (`A>B>c` plays as `A>Bc`); so do we.
        if voices[current].lastTakesNoBroken { return }
        var isChord = false
        if case .chord = voices[current].elements[index] { isChord = true }
        voices[current].pendingBroken = PendingBroken(
            previousIndex: index, previousWritten: voices[current].lastWritten, previousIsChord: isChord,
            previousTupletID: voices[current].lastTupletID,
            previousFactor: previous, nextFactor: next, location: location)
    }

    /// A tie `-` after a note or chord.
    mutating func markTie() {
        guard let index = voices[current].lastSounding else { return }
        switch voices[current].elements[index] {
        case .note(var n):
            n.isTied = true
            voices[current].elements[index] = .note(n)
        case .chord(let notes, let onset, let d):
            voices[current].elements[index] = .chord(
                notes: notes.map { var n = $0; n.isTied = true; return n }, onset: onset, duration: d)
        default:
            break
        }
    }
}
