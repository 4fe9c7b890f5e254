/// One of the public-domain tune books the corpus is built from.
public enum CorpusCollection: String, Sendable, Hashable, Codable, CaseIterable {
    /// O'Neill's Music of Ireland (1903), "the 1850": deduplicated by X: number.
    case oneills1850
    /// Ryan's Mammoth Collection (1883): one tune per source file, renumbered.
    case ryansMammoth
    /// Aird's Selection of Airs, volumes 1–6 (from 1778).
    case airdsAirs
    /// American fife tunes and Northumbrian Minstrelsy (1882): renumbered.
    case miscFolk

    /// The file the built corpus keeps this collection in, relative to `Corpus/`.
    public var fileName: String { "\(rawValue).abc" }

    /// True when the source's X: numbers are not unique and the built file renumbers tunes 1, 2, 3, …
    /// (keeping the original number in a `%` comment before each tune).
    var renumbers: Bool { self == .ryansMammoth || self == .miscFolk }
}

/// A tune's identity in the corpus: collection and X: number in the built file (stable across builds).
public struct TuneID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The collection.
    public var collection: CorpusCollection
    /// The X: number in the built corpus file.
    public var number: Int

    /// Creates an id.
    public init(collection: CorpusCollection, number: Int) {
        self.collection = collection
        self.number = number
    }

    /// Parses `oneills1850:123`.
    public init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let c = CorpusCollection(rawValue: String(parts[0])), let n = Int(parts[1]) else { return nil }
        self.init(collection: c, number: n)
    }

    /// `collection:number`, e.g. `oneills1850:123`.
    public var description: String { "\(collection.rawValue):\(number)" }

    public static func < (a: TuneID, b: TuneID) -> Bool {
        (CorpusCollection.allCases.firstIndex(of: a.collection)!, a.number)
            < (CorpusCollection.allCases.firstIndex(of: b.collection)!, b.number)
    }
}
