import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exit statuses of `compose` (sysexits.h for usage).
public enum ExitStatus: Int32, Sendable {
    /// Success.
    case success = 0
    /// Bad input or failed work.
    case failure = 1
    /// A usage error: unknown option, bad option value, missing argument.
    case usage = 64
}

/// A failure the command line reports as one line on stderr, with an exit status.
public struct CLIError: Error, CustomStringConvertible, Sendable {
    /// The one-line message (without the `compose:` prefix).
    public let message: String
    /// The exit status to leave with.
    public let status: ExitStatus

    /// A failure of the work itself or of the input (exit 1).
    public static func failure(_ message: String) -> CLIError { CLIError(message: message, status: .failure) }
    /// A usage error (exit 64).
    public static func usage(_ message: String) -> CLIError { CLIError(message: message, status: .usage) }

    public var description: String { message }
}

/// Entry point used by the `compose` executable: parses, runs, and turns every error into one line on
/// stderr and an exit status (0, 1 or 64).
public enum ComposeMain {
    /// Runs `compose` with the process arguments and exits.
    public static func run() -> Never {
        exit(run(arguments: Array(CommandLine.arguments.dropFirst())).rawValue)
    }

    /// Runs `compose` with the given arguments and returns the exit status (for tests and embedding).
    public static func run(arguments: [String]) -> ExitStatus {
        var command: ParsableCommand
        do {
            command = try Compose.parseAsRoot(arguments)
        } catch {
            let code = Compose.exitCode(for: error)
            if code == .success {
                // --help, --version: the full text belongs on stdout.
                Console.out(Compose.fullMessage(for: error) + "\n")
                return .success
            }
            Console.errorLine(Compose.message(for: error) + " (see 'compose --help')")
            return .usage
        }
        do {
            try command.run()
            return .success
        } catch let error as CLIError {
            Console.errorLine(error.message)
            return error.status
        } catch {
            // ArgumentParser's own outcomes (help for a subcommand, validation failures) and anything else.
            let code = Compose.exitCode(for: error)
            if code == .success {
                Console.out(Compose.fullMessage(for: error) + "\n")
                return .success
            }
            if code == .validationFailure {
                Console.errorLine(Compose.message(for: error) + " (see 'compose --help')")
                return .usage
            }
            Console.errorLine(Compose.message(for: error))
            return .failure
        }
    }
}

/// Writing to the standard streams without Foundation's non-Sendable globals.
enum Console {
    /// True when stdout is a terminal.
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
    /// True when stderr is a terminal (progress is shown only then).
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Writes text to stdout.
    static func out(_ text: String) {
        writeAll(1, Array(text.utf8))
    }

    /// Writes one line to stderr, prefixed `compose: `, with any inner newlines folded so it stays one line.
    static func errorLine(_ message: String) {
        let folded = message.split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.joined(separator: "; ")
        writeAll(2, Array("compose: \(folded)\n".utf8))
    }

    /// Writes progress text to stderr (callers check `stderrIsTerminal`).
    static func progress(_ text: String) {
        writeAll(2, Array(text.utf8))
    }

    /// Writes every byte to a file descriptor, retrying short writes.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; return }
                offset += n
            }
        }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" || s.last == "\r" { s = s.dropLast() }
        return s
    }
}
