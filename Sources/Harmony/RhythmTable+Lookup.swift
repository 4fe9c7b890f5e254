import Notation

extension Meter {
    /// True when two meters have the same numerator and denominator (`C` and `4/4` are the same).
    func sameSignature(as other: Meter) -> Bool {
        numerator == other.numerator && denominator == other.denominator
    }
}

extension RhythmTable {
    /// The accompaniment rows for a style and meter: the style's own rows, else the folk rows for the meter,
    /// else one row generated from the meter's beats (bass root held through the first beat, chord on
    /// each other beat).
    public static func accompaniment(for style: Style.Kind, meter: Meter) -> [AccompanimentTemplate] {
        let fits = accompaniment.filter { row in row.meters.contains { $0.sameSignature(as: meter) } }
        let own = fits.filter { $0.styles.contains(style) }
        if !own.isEmpty { return own }
        let folk = fits.filter { $0.styles.contains(.folk) }
        if !folk.isEmpty { return folk }
        return [generatedAccompaniment(for: meter)]
    }

    /// The percussion rows for a style and meter: the style's own, else folk rows, else a generated row
    /// (bass drum on the first beat, closed hi-hat on the others).
    public static func percussion(for style: Style.Kind, meter: Meter) -> [PercussionTemplate] {
        let fits = percussion.filter { row in row.meters.contains { $0.sameSignature(as: meter) } }
        let own = fits.filter { $0.styles.contains(style) }
        if !own.isEmpty { return own }
        let folk = fits.filter { $0.styles.contains(.folk) }
        if !folk.isEmpty { return folk }
        return [generatedPercussion(for: meter)]
    }

    /// The melodic cells of a style in a meter, with their weights (empty when the style has none there).
    public static func melodicCells(for style: Style.Kind, meter: Meter) -> [MelodicCell] {
        melodicCells.filter { cell in cell.styles.contains(style) && cell.meters.contains { $0.sameSignature(as: meter) } }
    }

    /// Slot strings for a meter's beats: the first slot of each beat gets `first` (or `other` after the
    /// first beat), the rest of a beat is held (`-`) when `hold`, else silent.
    private static func beatGrid(_ meter: Meter, unit: Rational, first: String, other: String, firstBeatOnly: Bool,
                                 hold: Bool) -> String {
        var slots: [String] = []
        for (i, beat) in meter.beats.enumerated() {
            let count = (beat / unit).floor
            let symbol = i == 0 ? first : (firstBeatOnly ? "." : other)
            slots.append(symbol)
            slots.append(contentsOf: Array(repeating: hold && symbol != "." ? "-" : ".", count: max(0, count - 1)))
        }
        return slots.joined(separator: " ")
    }

    /// A plain row for a meter with no row of its own (5/8, 7/8, 3/2, …), in units of the denominator.
    static func generatedAccompaniment(for meter: Meter) -> AccompanimentTemplate {
        let unit = Rational(4, meter.denominator)
        return AccompanimentTemplate(
            "generated.\(meter.numerator)-\(meter.denominator)", styles: [], meters: [meter], weight: 1, unit: unit,
            bass: beatGrid(meter, unit: unit, first: "R", other: ".", firstBeatOnly: true, hold: true),
            chords: beatGrid(meter, unit: unit, first: ".", other: "C", firstBeatOnly: false, hold: true))
    }

    /// A plain percussion row for a meter with no row of its own.
    static func generatedPercussion(for meter: Meter) -> PercussionTemplate {
        let unit = Rational(4, meter.denominator)
        return PercussionTemplate(
            "generated.\(meter.numerator)-\(meter.denominator)", styles: [], meters: [meter], weight: 1, unit: unit,
            lanes: [beatGrid(meter, unit: unit, first: "K", other: ".", firstBeatOnly: true, hold: false),
                    beatGrid(meter, unit: unit, first: ".", other: "h", firstBeatOnly: false, hold: false)])
    }
}

/// Draws one of several weighted items from a seeded generator (deterministic for a given generator state).
public enum WeightedChoice {
    /// The index drawn with probability proportional to its weight (weights ≤ 0 are never drawn); nil when
    /// no weight is positive. Uses one `UInt64.random(in:using:)` draw.
    public static func index(weights: [Int], using rng: inout some RandomNumberGenerator) -> Int? {
        let total = weights.reduce(0) { $0 + max(0, $1) }
        guard total > 0 else { return nil }
        var r = Int(UInt64.random(in: 0..<UInt64(total), using: &rng))
        for (i, w) in weights.enumerated() where w > 0 {
            if r < w { return i }
            r -= w
        }
        return nil
    }

    /// One of `items`, weighted by `weight`; nil when none has a positive weight.
    public static func pick<T>(_ items: [T], weight: (T) -> Int, using rng: inout some RandomNumberGenerator) -> T? {
        index(weights: items.map(weight), using: &rng).map { items[$0] }
    }
}
