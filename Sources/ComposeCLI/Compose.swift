import ArgumentParser

/// The `compose` command: generate, convert, inspect and render music.
public struct Compose: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "compose",
        abstract: "Tunesmith: compose, convert, inspect and render folk tunes.",
        discussion: """
            Exit status: 0 on success, 1 for bad input or failed work, 64 for a usage error. \
            Errors are one line on standard error; data goes to standard output or to -o FILE.
            """,
        subcommands: [
            Generate.self,
            Harmonize.self,
            Styles.self,
            Convert.self,
            Inspect.self,
            CorpusCommand.self,
            Eval.self,
            Train.self,
            Render.self,
        ],
        defaultSubcommand: Generate.self
    )

    public init() {}
}
