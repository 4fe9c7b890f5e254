import ArgumentParser
import Corpus

/// `compose corpus`: build the training corpus from the source tune books, and report on it.
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Build the training corpus and print its statistics.",
        subcommands: [Build.self, Stats.self],
        defaultSubcommand: Stats.self
    )

    /// `compose corpus build`.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build Corpus/ from the public-domain source tune books (deduplicated, renumbered, split).")

        @Option(help: "The folder holding the source collections (oneills1850/, ryansMammoth/, airdsAirs/, miscFolk/).")
        var sources: String = "../shared/corpus-sources"

        @Option(name: .customLong("corpus"), help: "The corpus folder to write.")
        var output: String = "Corpus"

        func run() throws {
            do {
                let report = try CorpusBuilder.build(sources: sources, output: output)
                let counts = CorpusCollection.allCases.map { "\($0.rawValue) \(report.tunes[$0] ?? 0)" }.joined(separator: ", ")
                Console.progress("corpus: wrote \(report.files.count) files to \(output)/: \(counts); \(report.duplicatesDropped) duplicate X: numbers dropped\n")
            } catch {
                throw CLIError.failure(error.description)
            }
        }
    }

    /// `compose corpus stats`.
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print tunes per style, meter and mode, token counts, and skipped tunes with reasons.")

        @Option(name: .customLong("corpus"), help: "The corpus folder (default: Corpus/ of this repository).")
        var folder: String?

        @Flag(help: "Print JSON instead of text.")
        var json = false

        func run() throws {
            let corpus = try loadCorpus(folder)
            let stats = CorpusStatistics(corpus)
            if json {
                Console.out(try encodeJSON(stats) + "\n")
            } else {
                Console.out(stats.report)
            }
        }
    }
}

/// Loads the corpus from `folder`, or from the repository's Corpus/ found beside the executable or the
/// current directory; shows progress on a terminal.
func loadCorpus(_ folder: String?) throws -> TuneCorpus {
    let path = try folder ?? ResourceLocator.corpusFolder()
    do {
        return try TuneCorpus(folder: path) { done, total in
            if Console.stderrIsTerminal { Console.progress("\rloading corpus: \(done)/\(total) collections" + (done == total ? "\n" : "")) }
        }
    } catch {
        throw CLIError.failure(error.description)
    }
}
