import Notation

/// A melody's harmony and accompaniment together.
public struct Arrangement: Sendable, Hashable {
    /// The harmoniser's segments and chord symbols.
    public var harmonization: Harmonization
    /// The accompaniment parts.
    public var accompaniment: Accompaniment
}

/// The one call the composition engine makes: melody + key + meter + style → chords and parts.
public enum Arranger {
    /// Harmonises the melody (``Harmonizer``) and writes the accompaniment (``Accompanist``) over it.
    /// Throws when the style does not allow the meter, the melody is empty, or a part cannot be written.
    public static func arrange(melody: Voice, key: Key, meter: Meter, style: Style, anacrusis: Rational = .zero,
                               options: AccompanimentOptions = .init(),
                               using rng: inout some RandomNumberGenerator) throws(HarmonyError) -> Arrangement {
        try style.check(meter)
        let harmonization = try Harmonizer(key: key, meter: meter, style: style, anacrusis: anacrusis).harmonize(melody)
        let accompanist = Accompanist(style: style, key: key, meter: meter, anacrusis: anacrusis, options: options)
        let accompaniment = try accompanist.accompany(harmonization.chords, until: melody.end, using: &rng)
        return Arrangement(harmonization: harmonization, accompaniment: accompaniment)
    }
}
