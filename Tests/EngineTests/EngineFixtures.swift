import Corpus
import Foundation
import Models
import Tokens
@testable import Engine

/// Shared fixtures: the committed corpus (Corpus/ of this repository) and a tiny LSTM trained on a few
/// hundred of its tunes inside the test process (a few seconds), so no test depends on the shipped model.
enum EngineFixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let corpusFolder = repository + "/Corpus"

    /// The corpus, parsed once per test process.
    static let corpus: TuneCorpus? = try? TuneCorpus(folder: corpusFolder)

    /// A tiny LSTM (1 layer, 48 hidden) trained for 120 steps on 400 training tunes: enough to prefer
    /// durations and bar lines where the corpus puts them, not to write good music.
    static let tinyModel: LSTMMelodyModel? = {
        guard let corpus else { return nil }
        var c = LSTMTrainingConfiguration()
        c.embeddingSize = 16
        c.hiddenSize = 48
        c.layerCount = 1
        c.dropout = 0
        c.batchSize = 8
        c.sequenceLength = 64
        c.steps = 120
        c.warmupSteps = 10
        c.evaluateEvery = 1000
        c.checkpointEvery = 1000
        c.seed = 7
        let training = corpus.trainingTunes.prefix(400).map(\.tokens)
        let validation = corpus.validationTunes.prefix(10).map(\.tokens)
        guard var run = try? LSTMTrainingRun(configuration: c, training: Array(training), validation: Array(validation),
                                             validationEvents: validation.map { _ in 1 }, corpusHash: corpus.hash) else { return nil }
        guard (try? run.run(checkpoint: nil, progress: { _ in })) != nil else { return nil }
        return run.model
    }()

    /// An engine over the tiny model with the bundled key table and no novelty index.
    static func composer(novelty: NoveltyIndex? = nil) throws -> Composer {
        guard let model = tinyModel else { throw EngineError.modelUnavailable(reason: "the tiny test model could not be trained") }
        return try Composer(model: model, noveltyIndex: novelty)
    }
}
