extension Style {
    /// The style with a name, case-insensitive; spaces, hyphens and underscores are equivalent
    /// (`slip jig`, `Slip-Jig`, `slip_jig`). Throws ``HarmonyError/unknownStyle(name:suggestion:)`` with the
    /// nearest name by edit distance when one is within a third of the name's length (at least 1, at most 3).
    public static func named(_ name: String) throws(HarmonyError) -> Style {
        let key = normalised(name)
        if let style = catalog.first(where: { normalised($0.name) == key }) { return style }
        throw .unknownStyle(name: name, suggestion: suggestion(for: name))
    }

    /// The nearest style name to `name` by Levenshtein distance, when it is close enough to be a typo.
    public static func suggestion(for name: String) -> String? {
        let key = normalised(name)
        let scored = catalog.map { (name: $0.name, distance: editDistance(key, normalised($0.name))) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        let limit = min(3, max(1, key.count / 3))
        return best.distance <= limit ? best.name : nil
    }

    static func normalised(_ name: String) -> String {
        String(name.lowercased().map { $0 == "-" || $0 == "_" ? " " : $0 })
            .split(separator: " ").joined(separator: " ")
    }

    /// Levenshtein distance (insertions, deletions, substitutions each cost 1), over characters.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = Array(repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
