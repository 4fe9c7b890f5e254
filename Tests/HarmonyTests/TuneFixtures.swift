import Notation
@testable import Harmony

/// Melodies transcribed by hand from the shared corpus (/work/shared/corpus-sources, music21 10.5.1's
/// corpus, public-domain tunes), written in a small subset of ABC that `TuneFixtures.voice` reads: note
/// letters with `^` `_` `=` accidentals, `,` and `'` octave marks, lengths as `2`, `3`, `/`, `3/2`, rests
/// `z`; bar lines, spaces, slurs, decorations and repeat marks are ignored.
enum TuneFixtures {
    /// "Soldiers' Joy", ryansMammoth/SoldiersJoy.abc, X:1 (M:2/4, L:1/16, K:D), A part with its pickup.
    static let soldiersJoy = (
        key: Key(tonic: PitchSpelling(.d), mode: .major), meter: Meter.twoFour, unit: Rational(1, 4),
        anacrusis: Rational(1, 2),
        body: "FG | AFDF AFDF | A2d2 d2cB | AFDF AFDF | G2E2 E2FG | AFDF AFDF | A2d2 d2eg | fafd egec | d2d2d2 z2 |")

    /// "Haste to the Wedding", ryansMammoth/HasteToTheWeddingJig.abc (M:6/8, L:1/8, K:D), A part with pickup;
    /// the last bar `ddd d2` is completed with a quaver rest where the repeat's pickup would be.
    static let hasteToTheWedding = (
        key: Key(tonic: PitchSpelling(.d), mode: .major), meter: Meter.sixEight, unit: Rational(1, 2),
        anacrusis: Rational(1, 2),
        body: "A | AFG Agf | ede fdB | AFA AdF | EFE E2F/G/ | AFG Aaf | ede fdB | AFA faf | ddd d2 z |")

    /// "The Drunken Ganger", ryansMammoth/DrunkenGangersTheJig.abc, X:1 (R:slip jig, M:9/8, L:1/8, K:A),
    /// B part.
    static let drunkenGanger = (
        key: Key(tonic: PitchSpelling(.a), mode: .major), meter: Meter.nineEight, unit: Rational(1, 2),
        anacrusis: Rational.zero,
        body: "cBA BAF AFE | cBA ABc d2B | cBA BAF AFE | A/B/cA BAG A3 | cBA BAF AFE | cBA ABc d2B | cBA BAF AFE | A/B/cA BAG A3 |")

    /// Reads the ABC subset above into a voice, applying the key signature (accidentals last to the bar line).
    static func voice(_ body: String, key: Key, unit: Rational) -> Voice {
        var events: [MusicEvent] = []
        var time = Rational.zero
        var chars = Array(body)[...]
        var barAccidentals: [String: Int] = [:]
        func length() -> Rational {
            var digits = ""
            while let c = chars.first, c.isNumber { digits.append(c); chars.removeFirst() }
            var value = Rational(Int(digits) ?? 1)
            if chars.first == "/" {
                chars.removeFirst()
                var d = ""
                while let c = chars.first, c.isNumber { d.append(c); chars.removeFirst() }
                value = value / Rational(Int(d) ?? 2)
            }
            return value * unit
        }
        while let c = chars.first {
            if c == "|" { barAccidentals = [:]; chars.removeFirst(); continue }
            var explicit: Int?
            if c == "^" || c == "_" || c == "=" {
                explicit = c == "^" ? 1 : c == "_" ? -1 : 0
                chars.removeFirst()
            }
            guard let head = chars.first else { break }
            if head == "z" {
                chars.removeFirst()
                let d = length()
                events.append(.rest(try! Rest(onset: time, duration: d)))
                time += d
                continue
            }
            guard let letter = Letter(character: head) else { chars.removeFirst(); continue }
            chars.removeFirst()
            var octave = head.isLowercase ? 5 : 4
            while let m = chars.first, m == "," || m == "'" { octave += m == "'" ? 1 : -1; chars.removeFirst() }
            let name = "\(letter)\(octave)"
            if let explicit { barAccidentals[name] = explicit }
            let alteration = barAccidentals[name] ?? key.signatureAccidental(for: letter).alteration
            let spelled = SpelledNote(letter: letter, accidental: Accidental(alteration: alteration)!, octave: octave)
            let d = length()
            events.append(.note(try! Note(pitch: try! spelled.pitch, onset: time, duration: d)))
            time += d
        }
        return Voice(name: "Melody", events: events)
    }

    /// A tune's voice.
    static func melody(_ tune: (key: Key, meter: Meter, unit: Rational, anacrusis: Rational, body: String)) -> Voice {
        voice(tune.body, key: tune.key, unit: tune.unit)
    }
}
