import ArgumentParser
import Corpus
import Models
import Tokens

/// Which melody model a command uses.
enum ModelKind: String, ExpressibleByArgument, CaseIterable, Sendable {
    case lstm, transformer, ngram
}

/// `compose eval`: bits per note of a model on the validation split or on any ABC tunebook.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate a model: JSON with tunes read and skipped, nats/token and bits/note.",
        discussion: "Without --abc, evaluates on the corpus's validation split. Body tokens are scored (the header is given).")

    @Option(help: "The model: \(ModelKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var model: ModelKind = .lstm

    @Option(parsing: .upToNextOption, help: "ABC tunebooks to evaluate on (default: the validation split).")
    var abc: [String] = []

    @Option(help: "n-gram order (with --model ngram), 1...8.")
    var order: Int = 8

    @Option(name: .customLong("corpus"), help: "The corpus folder (default: Corpus/ of this repository).")
    var corpusFolder: String?

    @Option(help: "A model file to evaluate (default: the shipped model).")
    var weights: String?

    func validate() throws {
        guard (1...8).contains(order) else { throw ValidationError("--order must be 1...8, got \(order)") }
    }

    func run() throws {
        let corpus = try loadCorpus(corpusFolder)
        let data: TokenDataset
        if abc.isEmpty {
            data = TokenDataset(tunes: corpus.validationTunes)
        } else {
            do { data = try TokenDataset(abcFiles: abc) } catch { throw CLIError.failure(error.description) }
        }
        let scorer: any SequenceScorer
        var details: [String: String] = ["model": model.rawValue]
        switch model {
        case .ngram:
            scorer = KneserNeyModel(order: order, vocabularySize: Vocabulary.standard.count,
                                    sequences: corpus.trainingTunes.map(\.tokens))
            details["order"] = String(order)
        case .lstm:
            do throws(ModelError) {
                let lstm: LSTMMelodyModel
                if let weights { lstm = try LSTMMelodyModel.load(from: weights) } else { lstm = try LSTMMelodyModel.shipped() }
                guard lstm.vocabulary == Vocabulary.standard else { throw .vocabularyMismatch(path: weights ?? "shipped model") }
                scorer = lstm
                details["weights"] = weights ?? "shipped"
                details["parameters"] = String(lstm.network.parameters.scalarCount)
            } catch { throw CLIError.failure(error.description) }
        case .transformer:
            do throws(ModelError) {
                let transformer: TransformerMelodyModel
                if let weights { transformer = try TransformerMelodyModel.load(from: weights) } else { transformer = try TransformerMelodyModel.shipped() }
                guard transformer.vocabulary == Vocabulary.standard else { throw .vocabularyMismatch(path: weights ?? "shipped model") }
                scorer = transformer
                details["weights"] = weights ?? "shipped"
                details["parameters"] = String(transformer.network.parameters.scalarCount)
            } catch { throw CLIError.failure(error.description) }
        }
        let result = try EvaluationResult.evaluate(scorer, sequences: data.sequences, eventCounts: data.eventCounts)
        let report = EvalReport(model: details, tunesRead: data.count, tunesSkipped: data.skipped, result: result,
                                corpusHash: corpus.hash)
        Console.out(try encodeJSON(report) + "\n")
    }
}

/// What `compose eval` prints.
struct EvalReport: Encodable {
    var model: [String: String]
    var tunesRead: Int
    var tunesSkipped: [String]
    var result: EvaluationResult
    var corpusHash: String
}
