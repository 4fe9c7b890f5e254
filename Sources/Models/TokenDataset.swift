import ABCNotation
import Corpus
import Notation
import Tokens

/// Tunes as token sequences with their note-and-rest counts: what training and evaluation consume.
public struct TokenDataset: Sendable {
    /// Each tune's token ids, `<bos>` … `<eos>`.
    public var sequences: [[Int]]
    /// Each tune's number of notes and rests.
    public var eventCounts: [Int]
    /// Tunes that could not be used, with reasons (`id "title": reason`).
    public var skipped: [String]

    /// Creates a dataset from corpus tunes.
    public init(tunes: [CorpusTune]) {
        sequences = tunes.map(\.tokens)
        eventCounts = tunes.map { $0.melody.events.count }
        skipped = []
    }

    /// Reads ABC tunebooks the same way the corpus is read (first voice, single pass, style from `R:`).
    public init(abcFiles: [String], vocabulary: Vocabulary = .standard) throws(ABCError) {
        sequences = []
        eventCounts = []
        skipped = []
        let tokenizer = MelodyTokenizer(vocabulary: vocabulary)
        for path in abcFiles {
            let book = try ABCTunebook(contentsOf: path, voices: .firstVoiceAsMelody)
            for failure in book.failures { skipped.append("\(path) \(failure)") }
            for tune in book.tunes {
                let style = tune.rhythm.flatMap(StyleLabeler.normalise) ?? "folk"
                switch CorpusMelody.melody(of: tune, style: style) {
                case .failure(let reason):
                    skipped.append("\(path) X:\(tune.referenceNumber) \"\(tune.title)\": \(reason)")
                case .success(let melody):
                    do throws(TokenizeError) {
                        sequences.append(try tokenizer.encode(melody))
                        eventCounts.append(melody.events.count)
                    } catch {
                        skipped.append("\(path) X:\(tune.referenceNumber) \"\(tune.title)\": outside the vocabulary: \(error)")
                    }
                }
            }
        }
    }

    /// The number of tunes.
    public var count: Int { sequences.count }
}
