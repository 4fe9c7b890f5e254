import ABCNotation
import Foundation
import Harmony
import MIDIFile
import Models
import NeuralCore
import Notation
import Testing
import Tokens
@testable import Engine

/// The same seed gives the same bytes in debug and release builds.
///
/// This test runs in the debug build (`swift test`) and composes in-process; it then runs the release
/// `compose` that CI's set-up step builds (`Scripts/setup.sh`: `.build/release/compose`, or the path in
/// `$TUNESMITH_RELEASE_COMPOSE`) with the same arguments and compares the files byte for byte. The release
/// build compiles NeuralCore with `-Ounchecked`; Swift never reassociates or fuses floating-point operations
/// at any optimisation level, and both builds call the same OpenBLAS, so any difference is a bug.
///
/// Without the release binary the test is skipped with a message, except under `CI=true`, where it fails.
@Suite struct ComposerDeterminismTests {
    static let repository = EngineFixtures.repository

    /// Where the release `compose` is, or why it cannot be used.
    static let releaseCompose: Result<String, ReleaseBinaryMissing> = {
        let variable = ProcessInfo.processInfo.environment["TUNESMITH_RELEASE_COMPOSE"].flatMap { $0.isEmpty ? nil : $0 }
        let path = variable ?? repository + "/.build/release/compose"
        let origin = variable == nil ? "(built by Scripts/setup.sh)" : "($TUNESMITH_RELEASE_COMPOSE)"
        guard FileManager.default.isExecutableFile(atPath: path) else {
            return .failure(ReleaseBinaryMissing(reason: "no release compose at \(path) \(origin); run Scripts/setup.sh or set TUNESMITH_RELEASE_COMPOSE"))
        }
        if let newer = newestSource(after: path) {
            return .failure(ReleaseBinaryMissing(reason: "the release compose at \(path) \(origin) is older than \(newer); rebuild it with Scripts/setup.sh"))
        }
        return .success(path)
    }()

    struct ReleaseBinaryMissing: Error, CustomStringConvertible { var reason: String; var description: String { reason } }

    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Why the release binary cannot be used (nil: it can).
    static var unavailable: String? {
        if case .failure(let missing) = releaseCompose { return missing.reason }
        return nil
    }

    /// What a skipped run prints: the reason, and that CI does not skip.
    static var skipComment: Comment { Comment(rawValue: "\(unavailable ?? "-") (under CI=true this test fails instead)") }

    /// The first file under Sources/ changed after the binary was built (a stale binary would compare old code).
    static func newestSource(after binary: String) -> String? {
        let files = FileManager.default
        guard let built = (try? files.attributesOfItem(atPath: binary))?[.modificationDate] as? Date,
              let walker = files.enumerator(atPath: repository + "/Sources") else { return nil }
        for case let relative as String in walker {
            let path = repository + "/Sources/" + relative
            if let changed = (try? files.attributesOfItem(atPath: path))?[.modificationDate] as? Date, changed > built,
               (try? files.attributesOfItem(atPath: path))?[.type] as? FileAttributeType == .typeRegular {
                return "Sources/" + relative
            }
        }
        return nil
    }

    /// One `compose` invocation (generate is the default subcommand) and the output file's extension.
    struct Case: Sendable, CustomStringConvertible {
        var arguments: [String]
        var output: String
        var description: String { (arguments + ["-o", "x." + output]).joined(separator: " ") }
    }

    /// The shipped LSTM: one tune, as it takes about 2 s of CPU in a debug build.
    static let shippedCases: [Case] = [
        Case(arguments: ["--style", "reel", "--bars", "8", "--seed", "7"], output: "mid"),
    ]

    /// `--weights FILE` with models built in the test: several styles, keys drawn and given, plain, top-k
    /// and top-p sampling, all three byte formats.
    static let builtCases: [Case] = [
        Case(arguments: ["--style", "waltz", "--bars", "16", "--seed", "11"], output: "json"),
        Case(arguments: ["--style", "hornpipe", "--bars", "8", "--seed", "5", "--temperature", "0.8", "--top-k", "8"], output: "mid"),
        Case(arguments: ["--style", "polka", "--bars", "8", "--key", "D", "--seed", "9", "--top-p", "0.9"], output: "json"),
        Case(arguments: ["--style", "slip jig", "--bars", "8", "--seed", "4"], output: "abc"),
    ]

    @Test(.enabled(if: isCI || unavailable == nil, skipComment))
    func shippedLSTMGivesTheSameBytesInDebugAndRelease() throws {
        let compose = try Self.releaseBinary()
        let composer = try Composer(model: try LSTMMelodyModel.shipped(), noveltyIndex: try NoveltyIndex.bundled())
        try Self.compare(Self.shippedCases, composer: composer, compose: compose, extraArguments: [])
    }

    @Test(.enabled(if: isCI || unavailable == nil, skipComment))
    func builtLSTMGivesTheSameBytesInDebugAndRelease() throws {
        try Self.compareWithSavedModel(named: "tiny-lstm", extraArguments: [],
                                       save: { try ComposerConcurrencyTests.tinyLSTM().save(to: $0) },
                                       load: { try LSTMMelodyModel.load(from: $0) })
    }

    @Test(.enabled(if: isCI || unavailable == nil, skipComment))
    func builtTransformerGivesTheSameBytesInDebugAndRelease() throws {
        try Self.compareWithSavedModel(named: "tiny-transformer", extraArguments: ["--model", "transformer"],
                                       save: { try ComposerConcurrencyTests.tinyTransformer().save(to: $0) },
                                       load: { try TransformerMelodyModel.load(from: $0) })
    }

    /// `builtCases` with a model saved to a temporary file and passed with `--weights`; the debug side reads
    /// the file back too, so both builds use the same bytes of weights.
    static func compareWithSavedModel(named name: String, extraArguments: [String], save: (String) throws -> Void,
                                      load: (String) throws -> any MelodyModel) throws {
        let compose = try releaseBinary()
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let weights = folder + "/\(name).safetensors"
        try save(weights)
        let composer = try Composer(model: try load(weights), noveltyIndex: try NoveltyIndex.bundled())
        try compare(builtCases, composer: composer, compose: compose, extraArguments: extraArguments + ["--weights", weights])
    }

    /// The release binary, or a recorded failure (CI) saying why it is missing.
    static func releaseBinary() throws -> String {
        switch releaseCompose {
        case .success(let path): return path
        case .failure(let missing): throw missing  // reached only under CI=true (the trait skips the test elsewhere)
        }
    }

    static func compare(_ cases: [Case], composer: Composer, compose: String, extraArguments: [String]) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (n, c) in cases.enumerated() {
            let debug = try inProcess(c, composer: composer)
            #expect(!debug.isEmpty)
            // Twice: as CI runs it, and with one-thread OpenBLAS (the bytes must not depend on its thread count).
            for threads in [nil, "1"] {
                let path = folder + "/case\(n)-\(threads ?? "default")." + c.output
                try run(compose, c.arguments + extraArguments + ["-o", path], openBLASThreads: threads)
                let release = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
                let same = release == debug  // a Bool, so a failure prints the message, not both files' bytes
                let shown = (threads.map { ["OPENBLAS_NUM_THREADS=\($0)"] } ?? []) + c.arguments + extraArguments + ["-o", "x." + c.output]
                #expect(same, "compose \(shown.joined(separator: " ")): the release build wrote \(release.count) bytes, the debug build \(debug.count)\(firstDifference(release, debug))")
            }
        }
    }

    /// What `compose generate` writes for `c`, made in this (debug) process. The request and the three
    /// writers mirror `Generate.run` and `SongFormat.write` (Sources/ComposeCLI/GenerateCommand.swift).
    static func inProcess(_ c: Case, composer: Composer) throws -> [UInt8] {
        func value(_ option: String) -> String? { c.arguments.firstIndex(of: option).map { c.arguments[$0 + 1] } }
        var request = CompositionRequest(
            style: try Style.named(value("--style") ?? "folk"), bars: Int(value("--bars") ?? "16")!,
            seed: UInt64(value("--seed") ?? "1")!,
            sampling: SamplingOptions(temperature: Float(value("--temperature") ?? "1")!, topK: Int(value("--top-k") ?? "0")!,
                                      topP: Float(value("--top-p") ?? "1")!))
        if let key = value("--key") { request.key = try Key(parsing: key) }
        let song = try composer.compose(request)
        switch c.output {
        case "mid":
            return try MIDIFile(score: song.score).bytes()
        case "abc":
            var sheet = song.leadSheet
            sheet.parts = sheet.parts.map { var p = $0; p.voices = Array(p.voices.prefix(1)); return p }
            return Array(try ABCWriter.abcText(for: sheet).utf8)
        default:
            struct SongJSON: Encodable { var report: CompositionReport; var score: Score }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return Array(try encoder.encode(SongJSON(report: song.report, score: song.score))) + Array("\n".utf8)
        }
    }

    /// Runs the binary (with `OPENBLAS_NUM_THREADS` set when given); throws with its stderr when it fails.
    static func run(_ executable: String, _ arguments: [String], openBLASThreads: String?) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let openBLASThreads {
            process.environment = ProcessInfo.processInfo.environment.merging(["OPENBLAS_NUM_THREADS": openBLASThreads]) { $1 }
        }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ReleaseBinaryMissing(reason: "\(executable) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus): \(message)")
        }
    }

    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
        guard let i = a.indices.first(where: { $0 < b.count && a[$0] != b[$0] }) ?? (a.count == b.count ? nil : min(a.count, b.count)) else { return "" }
        return "; first difference at byte \(i)"
    }

    static func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "tunesmith-determinism-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
