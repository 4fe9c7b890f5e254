import ArgumentParser

/// The `compose` command: generate, convert, inspect and render music.
public struct Compose: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "compose",
        abstract: "Tunesmith: compose, convert, inspect and render folk tunes.",
        subcommands: []
    )
    public init() {}
}

/// Entry point used by the `compose` executable.
public enum ComposeMain {
    public static func run() {
        Compose.main()
    }
}
