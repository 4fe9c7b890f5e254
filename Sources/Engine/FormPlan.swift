import Harmony

/// The tune's sections: which bars each letter of the form covers.
///
/// Defaults (``standard(for:bars:)``), with the style's form (`AABB` of 8 bars for reels and jigs, `AB` for
/// folk, `AABA` for airs):
/// 1. when the bars are a whole number of passes of the form at its part length, the form repeated
///    (32 bars of a reel: A A B B of 8);
/// 2. else, when the bars are a whole number of passes of the form's distinct letters at that part length,
///    those letters in order (16 bars of a reel: A B of 8; 16 bars of an air: A B of 8);
/// 3. else, when the bars split into the form's letters with parts of at least 4 bars, the form with
///    shorter parts (24 bars of a jig: A A B B of 6);
/// 4. else one through-composed part A of all the bars.
public struct FormPlan: Sendable, Hashable {
    /// One part of the form.
    public struct Section: Sendable, Hashable {
        /// The letter (`A`, `B`, …); equal letters repeat the same music.
        public var label: Character
        /// Index of its first full bar (0-based, not counting a pickup).
        public var firstBar: Int
        /// Number of full bars.
        public var bars: Int
    }

    /// The sections in order.
    public let sections: [Section]

    /// The form as letters (`AABB`).
    public var pattern: String { String(sections.map(\.label)) }

    /// Bars per section.
    public var barsPerSection: Int { sections.first?.bars ?? 0 }

    /// Equal sections of `bars / pattern.count` bars; throws when the pattern is not letters A–Z or the
    /// bars do not split evenly.
    public init(parsing pattern: String, bars: Int) throws(EngineError) {
        let letters = Array(pattern.uppercased())
        guard !letters.isEmpty, letters.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw .invalidOption(option: "--form", reason: "'\(pattern)' must be letters such as AABB, AB or ABAC")
        }
        guard letters.count <= bars, bars % letters.count == 0 else {
            throw .invalidOption(option: "--form", reason: "\(bars) bars do not split into \(letters.count) equal parts; use a bar count divisible by \(letters.count)")
        }
        self.init(letters: letters, barsPerSection: bars / letters.count)
    }

    init(letters: [Character], barsPerSection: Int) {
        sections = letters.enumerated().map { Section(label: $1, firstBar: $0 * barsPerSection, bars: barsPerSection) }
    }

    /// The style's default form for a tune of `bars` bars (rules in the type's comment).
    public static func standard(for style: Style, bars: Int) -> FormPlan {
        let letters = style.form.pattern.compactMap(\.first)
        let part = style.form.barsPerSection
        if part > 0, bars % (letters.count * part) == 0 {
            let passes = bars / (letters.count * part)
            return FormPlan(letters: Array(repeating: letters, count: passes).flatMap { $0 }, barsPerSection: part)
        }
        var distinct: [Character] = []
        for l in letters where !distinct.contains(l) { distinct.append(l) }
        if part > 0, bars % (distinct.count * part) == 0 {
            let passes = bars / (distinct.count * part)
            return FormPlan(letters: Array(repeating: distinct, count: passes).flatMap { $0 }, barsPerSection: part)
        }
        if bars % letters.count == 0, bars / letters.count >= 4 {
            return FormPlan(letters: letters, barsPerSection: bars / letters.count)
        }
        return FormPlan(letters: ["A"], barsPerSection: bars)
    }
}
