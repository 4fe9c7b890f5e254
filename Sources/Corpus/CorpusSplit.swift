/// The fixed train / validation split, by tune, stored in `Corpus/split.tsv` so every figure stays comparable.
public struct CorpusSplit: Sendable, Hashable {
    /// The file name inside `Corpus/`.
    public static let fileName = "split.tsv"

    /// Tunes held out for validation.
    public var validation: Set<TuneID>
    /// Every tune, in corpus order.
    public var all: [TuneID]

    /// True when a tune is in the validation split.
    public func isValidation(_ id: TuneID) -> Bool { validation.contains(id) }

    /// Draws the split: a seeded shuffle of all tune ids, the first `validationShare` of them held out.
    public static func make(ids: [TuneID], validationShare: Double, seed: UInt64) -> CorpusSplit {
        var order = ids.sorted()
        var g = SplitMix64(seed: seed)
        // Fisher–Yates with our own generator, so the split never depends on the standard library's shuffle.
        if order.count > 1 {
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                let j = Int(g.next() % UInt64(i + 1))
                order.swapAt(i, j)
            }
        }
        let held = Int((Double(ids.count) * validationShare).rounded())
        return CorpusSplit(validation: Set(order.prefix(held)), all: ids.sorted())
    }

    /// The file's text: a comment, then `collection:number<TAB>train|validation` per tune in corpus order.
    public var text: String {
        var s = "# Tunesmith corpus split: one line per tune, 'train' or 'validation' (\(validation.count) of \(all.count) held out).\n"
        for id in all { s += "\(id)\t\(validation.contains(id) ? "validation" : "train")\n" }
        return s
    }

    /// Reads a stored split.
    public init(text: String, path: String) throws(CorpusError) {
        var validation = Set<TuneID>(), all: [TuneID] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let id = TuneID(String(fields[0])), fields[1] == "train" || fields[1] == "validation" else {
                throw .malformedSplit(path: path, line: n + 1)
            }
            all.append(id)
            if fields[1] == "validation" { validation.insert(id) }
        }
        self.init(validation: validation, all: all)
    }

    init(validation: Set<TuneID>, all: [TuneID]) {
        self.validation = validation
        self.all = all
    }
}

/// SplitMix64: the small seeded generator the corpus uses for its split (Steele, Lea & Flood 2014).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
