import Notation

/// Gives each corpus tune a style label of the vocabulary (`Vocabulary.styles`).
///
/// From `R:` when present (normalised: double jig, single jig and slide are jigs; clog is a hornpipe;
/// highland fling is a strathspey; walkaround is a march). O'Neill's untagged tunes are labelled by the book's
/// sections (MANIFEST: X 1–650 airs, songs and marches; 651–1100 jigs; 1101–1175 slip jigs; 1176–1550 reels;
/// 1551–1800 hornpipes) when the meter agrees with the section; fife tunes in 2/4 or 6/8 are marches.
/// Everything else is `folk` (any style).
public enum StyleLabeler {
    /// The label for a tune.
    public static func label(collection: CorpusCollection, number: Int, rhythm: String?, meter: Meter?, source: String? = nil) -> String {
        if let rhythm, let label = normalise(rhythm) { return label }
        let m = meter?.description ?? ""
        switch collection {
        case .oneills1850:
            switch number {
            case 1...650: return m == "2/4" ? "march" : "air"
            case 651...1100: return m == "6/8" ? "jig" : "folk"
            case 1101...1175: return m == "9/8" ? "slipjig" : "folk"
            case 1176...1550: return ["C|", "C", "4/4", "2/2"].contains(m) ? "reel" : "folk"
            case 1551...1800: return ["C|", "C", "4/4", "2/2", "2/4"].contains(m) ? "hornpipe" : "folk"
            default: return "folk"
            }
        case .miscFolk:
            if let source, source.contains("americanfife"), m == "2/4" || m == "6/8" { return "march" }
            return "folk"
        case .ryansMammoth, .airdsAirs:
            return "folk"
        }
    }

    /// The label an `R:` field names, or nil when it names none of the vocabulary's styles.
    public static func normalise(_ rhythm: String) -> String? {
        let r = rhythm.lowercased().trimmingCharacters(in: " \t")
        switch r {
        case "reel": return "reel"
        case "jig", "double jig", "jig (double)", "single jig", "slide": return "jig"
        case "slip jig", "slipjig", "hop jig": return "slipjig"
        case "hornpipe", "clog": return "hornpipe"
        case "strathspey", "highland fling", "fling": return "strathspey"
        case "air", "song": return "air"
        case "waltz": return "waltz"
        case "march", "walkaround", "quickstep": return "march"
        case "polka": return "polka"
        default: return nil
        }
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
