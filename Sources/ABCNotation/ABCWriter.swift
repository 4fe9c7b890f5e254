import Notation

/// Writes a melody (a Score with one part and one voice, plus the part's chord symbols) as ABC 2.1 text
/// that abc2midi and `ABCTunebook` read back to the same notes.
///
/// Choices: `L:1/8`; bar lines every bar of the meter, counted from the score's anacrusis and restarted
/// at each meter change (written `[M:…]`, as key and tempo changes are `[K:…]`, `[Q:…]`); a note
/// crossing a bar line is split and tied; lengths that are not a power-of-two fraction of `L:` (which
/// abc2midi rejects) are written inside explicit tuplets `(p:q:r` with p the odd part of the length's
/// denominator; pitches are spelled in the first key (a note's own `spelling` wins) with accidentals
/// written whenever the key signature or an earlier accidental in the bar would say otherwise.
public enum ABCWriter {
    /// The ABC text for a one-part, one-voice score.
    public static func abcText(for score: Score, referenceNumber: Int = 1) throws(ABCError) -> String {
        guard score.parts.count == 1, let part = score.parts.first, part.voices.count <= 1 else {
            throw .notWritable(reason: "the score has \(score.parts.count) parts; the writer takes one part with one voice")
        }
        let events = part.voices.first?.events ?? []
        let meter = score.meterChanges.first?.meter ?? .fourFour
        let key = score.keyChanges.first?.key ?? .cMajor
        var header = "X:\(referenceNumber)\n"
        header += "T:\(score.title.isEmpty ? "Untitled" : score.title)\n"
        header += "M:\(meterName(meter))\n"
        header += "L:1/8\n"
        if let tempo = score.tempoChanges.first {
            header += "Q:1/4=\(Int(tempo.quarterNotesPerMinute.doubleValue.rounded()))\n"
        }
        header += "K:\(keyName(key))\n"

        var body = BodyWriter(key: key, barLength: meter.barLength, firstBar: score.anacrusis)
        // Later meter, key and tempo changes become inline fields ([M:3/4], [K:D], [Q:1/4=90]).
        body.changes = score.meterChanges.dropFirst().map { ($0.onset, .meter($0.meter)) }
            + score.keyChanges.dropFirst().map { ($0.onset, .key($0.key)) }
            + score.tempoChanges.dropFirst().map { ($0.onset, .tempo($0.quarterNotesPerMinute)) }
        body.changes.sort { $0.onset < $1.onset }
        var symbols = part.chordSymbols[...]
        var time = Rational.zero
        for event in events {
            guard event.onset >= time else {
                throw .notWritable(reason: "events overlap at quarter \(event.onset); an ABC voice plays one event at a time")
            }
            if event.onset > time { body.add(pitches: [], spellings: [], from: time, to: event.onset, symbols: &symbols) }
            switch event {
            case .note(let n):
                body.add(pitches: [n.pitch], spellings: [n.spelling], from: n.onset, to: n.end, symbols: &symbols)
            case .chord(let c):
                body.add(pitches: c.pitches, spellings: c.pitches.map { _ in nil }, from: c.onset, to: c.end, symbols: &symbols)
            case .rest(let r):
                body.add(pitches: [], spellings: [], from: r.onset, to: r.end, symbols: &symbols)
            }
            time = event.end
        }
        if let piece = body.unwritable {
            throw .notWritable(reason: "a note, rest or tied piece of \(piece) quarter notes is too short or too long for ABC lengths (at most 1/4096 or 9999 eighths); quantize the melody first")
        }
        return header + body.finish() + "\n"
    }

    /// Writes the ABC text to a file: to a temporary file in the same folder, then renamed over the path.
    public static func write(_ score: Score, to path: String, referenceNumber: Int = 1) throws(ABCError) {
        let text = try abcText(for: score, referenceNumber: referenceNumber)
        guard FileBytes.writeAtomically(Array(text.utf8), to: path) else {
            throw .notWritable(reason: "cannot write \(path) (is its folder writable?)")
        }
    }

    /// `C`, `C|`, `6/8`.
    static func meterName(_ meter: Meter) -> String {
        switch meter.symbol {
        case .common: return "C"
        case .cut: return "C|"
        case .numeric: return "\(meter.numerator)/\(meter.denominator)"
        }
    }

    /// `G`, `Em`, `F#m`, `Ador`, `Bbmix`.
    static func keyName(_ key: Key) -> String {
        let suffix: String
        switch key.mode {
        case .major: suffix = ""
        case .minor: suffix = "m"
        case .dorian: suffix = "dor"
        case .phrygian: suffix = "phr"
        case .lydian: suffix = "lyd"
        case .mixolydian: suffix = "mix"
        case .locrian: suffix = "loc"
        }
        return "\(key.tonic)\(suffix)"
    }
}

/// Lays out notes in bars, with ties, tuplets and accidentals.
struct BodyWriter {
    /// A change written as an inline field.
    enum Change {
        case meter(Meter)
        case key(Key)
        case tempo(Rational)
    }

    var key: Key
    var barLength: Rational
    var signature: [Int]
    /// Changes not yet written, sorted by onset.
    var changes: [(onset: Rational, change: Change)] = []
    var nextBar: Rational
    var text = ""
    var barAccidentals: [Int: Int] = [:]
    var barsOnLine = 0
    /// Items not yet written: text, and the odd factor of their length (1 for none).
    var pending: [(text: String, factor: Int)] = []
    /// The first piece whose length ABC as written here cannot hold (see `BodyWriter.fits`), for the error.
    var unwritable: Rational?

    init(key: Key, barLength: Rational, firstBar: Rational) {
        self.key = key
        self.barLength = barLength
        self.signature = Letter.allCases.map { key.signatureAccidental(for: $0).alteration }
        self.nextBar = firstBar > .zero ? firstBar : barLength
    }

    /// Adds a note, chord (several pitches) or rest (none) from `start` to `end`, split at bar lines.
    mutating func add(
        pitches: [Pitch], spellings: [SpelledNote?], from start: Rational, to end: Rational,
        symbols: inout ArraySlice<TimedChordSymbol>
    ) {
        var t = start
        while t < end {
            applyChanges(at: t)
            var pieceEnd = min(end, nextBar)
            if let next = changes.first, next.onset > t, next.onset < pieceEnd { pieceEnd = next.onset }
            var prefix = ""
            while let s = symbols.first, s.onset <= t {
                prefix += "\"\(s.symbol)\""
                symbols = symbols.dropFirst()
            }
            let tied = pieceEnd < end && !pitches.isEmpty
            let (length, factor) = Self.length(pieceEnd - t)
            if unwritable == nil && !Self.fits(pieceEnd - t) { unwritable = pieceEnd - t }
            var item = prefix
            if pitches.isEmpty {
                item += "z" + length
            } else if pitches.count == 1 {
                item += spell(pitches[0], spellings.first ?? nil) + length + (tied ? "-" : "")
            } else {
                item += "[" + zip(pitches, spellings).map { spell($0, $1) }.joined() + "]" + length + (tied ? "-" : "")
            }
            pending.append((item, factor))
            t = pieceEnd
            if t == nextBar {
                flush()
                text += " |"
                barAccidentals = [:]
                nextBar += barLength
                barsOnLine += 1
                if barsOnLine == 4 {
                    text += "\n"
                    barsOnLine = 0
                }
            }
        }
    }

    /// Writes the changes due at `t` as inline fields; a meter change also restarts the bar count there.
    mutating func applyChanges(at t: Rational) {
        while let next = changes.first, next.onset <= t {
            changes.removeFirst()
            flush()
            switch next.change {
            case .meter(let m):
                text += " [M:\(ABCWriter.meterName(m))]"
                barLength = m.barLength
                nextBar = t + barLength
            case .key(let k):
                text += " [K:\(ABCWriter.keyName(k))]"
                key = k
                signature = Letter.allCases.map { k.signatureAccidental(for: $0).alteration }
                barAccidentals = [:]
            case .tempo(let q):
                text += " [Q:1/4=\(Int(q.doubleValue.rounded()))]"
            }
        }
    }

    /// Writes pending items, opening a tuplet `(p:q:r` for each run of items with the same odd factor.
    mutating func flush() {
        var k = 0
        while k < pending.count {
            var j = k
            while j < pending.count, pending[j].factor == pending[k].factor { j += 1 }
            let p = pending[k].factor
            if p > 1 {
                var q = 1
                while q * 2 < p { q *= 2 }
                text += " (\(p):\(q):\(j - k)"
            } else {
                text += " "
            }
            // A tuplet's notes are written together; other items are separated by spaces.
            text += pending[k..<j].map(\.text).joined(separator: p > 1 ? "" : " ")
            k = j
        }
        pending = []
    }

    mutating func finish() -> String {
        flush()
        if !text.hasSuffix("|") && !text.hasSuffix("|\n") { text += " |" }
        if text.hasSuffix("\n") { text.removeLast() }
        return text + "]"
    }

    /// Whether a duration in quarters writes as a length the reader takes back: at most 1/4096 of L:
    /// (1/8) per division and at most 9999 units, after the tuplet factor (found by Scripts/fuzz/run.sh abc:
    /// nested tuplets and broken rhythms in a fuzzed tune gave `A/8192`).
    static func fits(_ quarters: Rational) -> Bool {
        let (units, odd) = scaledUnits(quarters)
        return units.denominator <= 1 << 12 && units.numerator <= 9999 * units.denominator && odd <= 999
    }

    /// A duration in eighths (L:1/8), scaled by q/p when its denominator has an odd factor p (it is then
    /// written inside a p:q tuplet, q the largest power of two below p), and that odd factor.
    static func scaledUnits(_ quarters: Rational) -> (units: Rational, odd: Int) {
        var units = quarters * 2  // eighths
        var odd = units.denominator
        while odd % 2 == 0 { odd /= 2 }
        if odd > 1 {
            var q = 1
            while q * 2 < odd { q *= 2 }
            units = units * Rational(odd, q)
        }
        return (units, odd)
    }

    /// The ABC length suffix for a duration in quarters (L:1/8), and the odd factor of its denominator.
    /// A length whose denominator has an odd factor p is written as its length inside a p:q tuplet.
    static func length(_ quarters: Rational) -> (String, Int) {
        let (units, odd) = scaledUnits(quarters)
        let text: String
        if units == .one {
            text = ""
        } else if units.denominator == 1 {
            text = "\(units.numerator)"
        } else if units.numerator == 1 {
            text = "/\(units.denominator)"
        } else {
            text = "\(units.numerator)/\(units.denominator)"
        }
        return (text, odd)
    }

    /// A pitch in ABC: accidental if needed, letter, octave marks.
    mutating func spell(_ pitch: Pitch, _ given: SpelledNote?) -> String {
        var spelled = given ?? key.spell(pitch)
        if (try? spelled.pitch) != pitch { spelled = key.spell(pitch) }
        let letter = spelled.letter.rawValue
        let alteration = spelled.accidental.alteration
        var out = ""
        let current = barAccidentals[letter] ?? signature[letter]
        if current != alteration {
            switch alteration {
            case 2: out += "^^"
            case 1: out += "^"
            case 0: out += "="
            case -1: out += "_"
            default: out += "__"
            }
            barAccidentals[letter] = alteration
        }
        let name = ["C", "D", "E", "F", "G", "A", "B"][letter]
        let octave = spelled.octave
        if octave >= 5 {
            out += name.lowercased() + String(repeating: "'", count: octave - 5)
        } else {
            out += name + String(repeating: ",", count: 4 - octave)
        }
        return out
    }
}
