import Notation

// Meta events <-> Notation values: tempo, meter and key.
//
// - Tempo: a `TempoChange` is written as its microseconds per quarter, rounded to the nearest (MIDI has no
//   finer tempo). Reading takes the SIMPLEST fraction of quarter notes per minute that the writer would
//   round to the same microseconds, so 90 per minute (666,667 µs) reads back as exactly 90, not
//   60,000,000/666,667; a tempo no simple fraction explains reads as exactly 60,000,000 / µs.
// - Meter: n/d is written with d as a power of two, 24 MIDI clocks per quarter note of the first beat
//   (36 for a dotted-quarter beat in 6/8) and 8 thirty-seconds per quarter. Reading keeps only n/d, so
//   `C` and `C|` come back as 4/4 and 2/2 written with numbers.
// - Key: written as sharps/flats and major/minor. Other modes have no MIDI form: they are written with
//   their signature and "major" (A dorian -> 1 sharp, major, read back as G major), so they come back as that major key.
//   Signatures beyond 7 sharps or flats cannot be written.

extension MIDIMetaEvent {
    /// The quarter notes per minute a tempo of `microseconds` per quarter stands for (the simplest
    /// fraction that rounds to it; see the top of this file). `microseconds` must be positive.
    public static func quarterNotesPerMinute(microsecondsPerQuarter microseconds: Int) -> Rational {
        precondition(microseconds > 0, "tempo must be positive")
        let exact = Rational(60_000_000, microseconds)
        // Every q with round(60e6 / q) == µs lies in [60e6 / (µs + 1/2), 60e6 / (µs - 1/2)].
        let lo = Rational(120_000_000, 2 * microseconds + 1)
        let hi = microseconds == 1 ? exact * 2 : Rational(120_000_000, 2 * microseconds - 1)
        let simplest = Self.simplestFraction(between: lo, and: hi)
        let check = try? TempoChange(quarterNotesPerMinute: simplest)
        return check?.microsecondsPerQuarter == microseconds ? simplest : exact
    }

    /// The fraction with the smallest denominator in the closed interval [lo, hi] (0 < lo ≤ hi),
    /// by continued fractions.
    static func simplestFraction(between lo: Rational, and hi: Rational) -> Rational {
        let whole = lo.floor
        if Rational(whole) == lo { return lo }
        if Rational(whole + 1) <= hi { return Rational(whole + 1) }
        // Both ends share the integer part: recurse on the reciprocals of the fractional parts.
        let w = Rational(whole)
        return w + Rational.one / simplestFraction(between: .one / (hi - w), and: .one / (lo - w))
    }

    /// The time-signature meta event for a meter.
    public static func timeSignature(_ meter: Meter) -> MIDIMetaEvent {
        let power = UInt8(meter.denominator.trailingZeroBitCount)
        let clocks = (meter.beats.first ?? Rational(4, meter.denominator)) * 24
        let click = clocks.isInteger && (1...255).contains(clocks.numerator) ? UInt8(clocks.numerator) : 24
        return .timeSignature(numerator: UInt8(meter.numerator), denominatorPower: power, clocksPerClick: click,
                              thirtySecondsPerQuarter: 8)
    }

    /// The key-signature meta event for a key; throws when its signature has more than 7 sharps or flats.
    public static func keySignature(_ key: Key) throws(MIDIFileError) -> MIDIMetaEvent {
        let fifths = key.fifths
        guard (-7...7).contains(fifths) else {
            throw .scoreValueOutOfRange(what: "key signature of \(key) (sharps > 0, flats < 0)", value: "\(fifths)")
        }
        return .keySignature(fifths: Int8(fifths), isMinor: key.mode == .minor)
    }

    /// The key a key signature names: the major or minor key with `fifths` sharps (> 0) or flats (< 0).
    public static func key(fifths: Int, isMinor: Bool) -> Key? {
        guard (-7...7).contains(fifths) else { return nil }
        // Major tonics along the circle of fifths from Cb (-7) to C# (+7); minor tonics are 3 fifths on.
        let order: [(Letter, Accidental)] = [
            (.c, .flat), (.g, .flat), (.d, .flat), (.a, .flat), (.e, .flat), (.b, .flat), (.f, .natural),
            (.c, .natural), (.g, .natural), (.d, .natural), (.a, .natural), (.e, .natural), (.b, .natural),
            (.f, .sharp), (.c, .sharp), (.g, .sharp), (.d, .sharp), (.a, .sharp),
        ]
        let (letter, accidental) = order[fifths + 7 + (isMinor ? 3 : 0)]
        return Key(tonic: PitchSpelling(letter, accidental), mode: isMinor ? .minor : .major)
    }
}
