import ABCNotation
import Notation
import Tokens

/// A corpus tune ready for training: its labels, melody and token ids.
public struct CorpusTune: Sendable, Hashable {
    /// Collection and X: number.
    public var id: TuneID
    /// First title.
    public var title: String
    /// Style label (a vocabulary style).
    public var style: String
    /// The melody (single pass, see `CorpusMelody`).
    public var melody: Melody
    /// Token ids in the standard vocabulary, `<bos>` … `<eos>`.
    public var tokens: [Int]
    /// True when the tune is held out for validation.
    public var isValidation: Bool
}

/// A corpus tune that is not used, and why.
public struct SkippedTune: Sendable, Hashable, CustomStringConvertible {
    /// Collection and X: number, when the X: line could be read.
    public var id: TuneID?
    /// Its title, when known.
    public var title: String
    /// Why it is skipped.
    public var reason: SkipReason

    public var description: String { "\(id?.description ?? "?") \"\(title)\": \(reason)" }
}

/// The training corpus as loaded from `Corpus/`: usable tunes with their tokens and split, skipped tunes with
/// reasons, and a hash of the corpus files that model files record.
public struct TuneCorpus: Sendable {
    /// Usable tunes in corpus order.
    public var tunes: [CorpusTune]
    /// Tunes not used, with reasons.
    public var skipped: [SkippedTune]
    /// The stored split.
    public var split: CorpusSplit
    /// FNV-1a 64-bit hash (hex) of the corpus files' bytes, in collection order, split file last.
    public var hash: String

    /// The training tunes.
    public var trainingTunes: [CorpusTune] { tunes.filter { !$0.isValidation } }
    /// The validation tunes.
    public var validationTunes: [CorpusTune] { tunes.filter(\.isValidation) }

    /// Loads `folder` (the repository's `Corpus/`). `progress` is called after each collection with
    /// (collections done, collections in all).
    public init(folder: String, vocabulary: Vocabulary = .standard, progress: ((Int, Int) -> Void)? = nil) throws(CorpusError) {
        var tunes: [CorpusTune] = [], skipped: [SkippedTune] = []
        var hasher = FNV1a64()
        let splitPath = folder + "/" + CorpusSplit.fileName
        guard FileSystem.exists(splitPath) else { throw .missingFile(path: splitPath) }
        let splitBytes = try FileSystem.read(splitPath)
        let split = try CorpusSplit(text: String(decoding: splitBytes, as: UTF8.self), path: splitPath)
        let tokenizer = MelodyTokenizer(vocabulary: vocabulary)
        var seen = Set<TuneID>()
        for (n, collection) in CorpusCollection.allCases.enumerated() {
            let path = folder + "/" + collection.fileName
            guard FileSystem.exists(path) else { throw .missingFile(path: path) }
            let bytes = try FileSystem.read(path)
            hasher.add(bytes)
            let book = ABCTunebook(bytes: bytes, voices: .firstVoiceAsMelody)
            for failure in book.failures {
                skipped.append(SkippedTune(id: failure.referenceNumber.map { TuneID(collection: collection, number: $0) },
                                           title: failure.title ?? "", reason: .unreadable("\(path):\(failure.error)")))
            }
            let sources = TuneCorpus.sourceComments(bytes)
            for tune in book.tunes {
                let id = TuneID(collection: collection, number: tune.referenceNumber)
                seen.insert(id)
                let meter = tune.meter.flatMap { try? Meter(parsing: $0.text) }
                let style = StyleLabeler.label(collection: collection, number: tune.referenceNumber, rhythm: tune.rhythm,
                                               meter: meter, source: sources[tune.referenceNumber])
                switch CorpusMelody.melody(of: tune, style: style) {
                case .failure(let reason):
                    skipped.append(SkippedTune(id: id, title: tune.title, reason: reason))
                case .success(let melody):
                    do throws(TokenizeError) {
                        let ids = try tokenizer.encode(melody)
                        tunes.append(CorpusTune(id: id, title: tune.title, style: style, melody: melody, tokens: ids,
                                                isValidation: split.isValidation(id)))
                    } catch {
                        skipped.append(SkippedTune(id: id, title: tune.title, reason: .tokens(error.description)))
                    }
                }
            }
            progress?(n + 1, CorpusCollection.allCases.count)
        }
        hasher.add(splitBytes)
        let missing = seen.subtracting(split.all)
        if let first = missing.sorted().first {
            throw .splitMismatch(path: splitPath, detail: "\(missing.count) tunes (first \(first)) are not in the split")
        }
        self.tunes = tunes
        self.skipped = skipped
        self.split = split
        self.hash = hasher.hex
    }

    /// For renumbered collections, the `% source: FILE X:n` comment before each tune, by new X: number.
    static func sourceComments(_ bytes: [UInt8]) -> [Int: String] {
        var result: [Int: String] = [:]
        var pending: String?
        for line in bytes.split(separator: 10, omittingEmptySubsequences: false) {
            let s = String(decoding: line, as: UTF8.self)
            if s.hasPrefix("% source: ") { pending = String(s.dropFirst(10)) }
            else if s.hasPrefix("X:"), let p = pending, let x = Int(String(s.dropFirst(2)).trimmingCharacters(in: " ")) { result[x] = p; pending = nil }
        }
        return result
    }
}

/// FNV-1a, 64-bit: a small, fixed hash for naming a corpus version.
struct FNV1a64 {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ bytes: [UInt8]) {
        for b in bytes { value = (value ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    }
    var hex: String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
