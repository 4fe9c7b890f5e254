import Notation

/// Counts over a loaded corpus, as `compose corpus stats` prints them.
public struct CorpusStatistics: Sendable, Hashable, Codable {
    /// Usable tunes.
    public var tunes: Int
    /// Usable tunes in the training and validation splits.
    public var trainingTunes: Int, validationTunes: Int
    /// Tokens (including `<bos>` and `<eos>`) in each split.
    public var trainingTokens: Int, validationTokens: Int
    /// Notes and rests in all usable tunes.
    public var noteEvents: Int
    /// Tunes per style, meter and mode.
    public var styles: [String: Int], meters: [String: Int], modes: [String: Int]
    /// Skipped tunes per reason category, and every skipped tune with its reason.
    public var skippedByReason: [String: Int]
    /// Each skipped tune, `id "title": reason`.
    public var skipped: [String]
    /// The corpus hash.
    public var hash: String

    /// Counts a corpus.
    public init(_ corpus: TuneCorpus) {
        tunes = corpus.tunes.count
        let train = corpus.trainingTunes, valid = corpus.validationTunes
        trainingTunes = train.count
        validationTunes = valid.count
        trainingTokens = train.reduce(0) { $0 + $1.tokens.count }
        validationTokens = valid.reduce(0) { $0 + $1.tokens.count }
        noteEvents = corpus.tunes.reduce(0) { $0 + $1.melody.events.count }
        styles = Dictionary(grouping: corpus.tunes, by: \.style).mapValues(\.count)
        meters = Dictionary(grouping: corpus.tunes, by: { $0.melody.meter.description }).mapValues(\.count)
        modes = Dictionary(grouping: corpus.tunes, by: { $0.melody.key.mode.rawValue }).mapValues(\.count)
        skippedByReason = Dictionary(grouping: corpus.skipped, by: { $0.reason.category }).mapValues(\.count)
        skipped = corpus.skipped.map(\.description)
        hash = corpus.hash
    }

    /// A plain-text report: tables sorted by count, then every skipped tune with its reason.
    public var report: String {
        func table(_ title: String, _ counts: [String: Int]) -> String {
            var s = "\(title):\n"
            for (k, v) in counts.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                s += "  \(k.padding(to: 14))\(String(v).leftPadding(to: 6))\n"
            }
            return s
        }
        var s = "corpus \(hash): \(tunes) usable tunes (\(trainingTunes) training, \(validationTunes) validation), \(skipped.count) skipped\n"
        s += "tokens: \(trainingTokens) training, \(validationTokens) validation; \(noteEvents) notes and rests\n\n"
        s += table("styles", styles) + "\n" + table("meters", meters) + "\n" + table("modes", modes) + "\n"
        s += table("skipped", skippedByReason)
        if !skipped.isEmpty { s += "\nskipped tunes:\n" + skipped.map { "  \($0)\n" }.joined() }
        return s
    }
}

extension String {
    func padding(to width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
    func leftPadding(to width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
