import ArgumentParser
import Foundation
import Rendering

extension SampleFormat: ExpressibleByArgument {}
extension AudioContainer: ExpressibleByArgument {}

/// `compose render`: MIDI files to WAV, FLAC or Ogg Vorbis through FluidSynth, in this process.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render MIDI files to audio (WAV, FLAC, Ogg Vorbis) with FluidSynth.",
        discussion: """
            The file holds the whole song plus its release and reverb tail, cut where the tail falls \
            below -60 dBFS, with a 50 ms fade; the peak is normalised to -1 dBFS (then --gain applies). \
            The output appears only once complete.

            The SoundFont is, in order: --soundfont, $TUNESMITH_SOUNDFONT, the first .sf2/.sf3 in the \
            nearest Soundfonts/ folder at or above the compose executable, then /usr/share/sounds/sf2 \
            (default-GM.sf2, FluidR3_GM.sf2, TimGM6mb.sf2).

            Several inputs need -o DIR/ and are rendered in parallel, one synthesizer per thread.
            """
    )

    @Argument(help: ArgumentHelp("MIDI files to render.", valueName: "IN.mid"))
    var inputs: [String]

    @Option(name: .shortAndLong,
            help: ArgumentHelp("Output file (.wav, .flac, .ogg), or a folder ending in / for several inputs.",
                               valueName: "OUT"))
    var output: String

    @Option(help: ArgumentHelp("SoundFont to render with (.sf2 or .sf3).", valueName: "F.sf2"))
    var soundfont: String?

    @Option(name: .customLong("sample-rate"), help: "Sample rate in Hz (8000 to 96000).")
    var sampleRate: Int = 44_100

    @Option(help: ArgumentHelp("Gain in dB after peak normalisation to -1 dBFS (-40 to 1).", valueName: "dB"))
    var gain: Double = 0

    @Option(name: .customLong("bit-depth"),
            help: "Sample format of WAV (16, 24, float) and FLAC (16, 24) files; default 16. Not for .ogg.")
    var bitDepth: SampleFormat?

    @Option(help: "Format of the files written into a folder output (default: wav).")
    var format: AudioContainer?

    @Option(name: .shortAndLong, help: "Files rendered at once with a folder output (default: the number of cores).")
    var jobs: Int?

    func validate() throws {
        do {
            try options.validate()
        } catch let error as RenderError {
            throw ValidationError(error.description)
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs \(jobs): expected 1 or more") }
    }

    var options: RenderOptions { RenderOptions(sampleRate: sampleRate, gainDecibels: gain) }

    func run() throws {
        do {
            let plan = try RenderJob.plan(inputs: inputs, output: output, container: format, sampleFormat: bitDepth)
            var search = SoundFontSearch(explicitPath: soundfont)
            search.explicitOrigin = "--soundfont"
            let renderer = try MIDIRenderer(soundFont: search.locate(), options: options)
            if RenderJob.isFolder(output) {
                try createFolder(output)
                try renderBatch(plan, with: renderer)
            } else {
                try renderOne(plan[0], with: renderer)
            }
        } catch let error as RenderError {
            throw Self.cliError(error)
        }
    }

    /// One file, with a percentage on a terminal once the render has taken more than a second.
    func renderOne(_ job: RenderJob, with renderer: MIDIRenderer) throws {
        let progress = ProgressLine()
        defer { progress.finish() }
        _ = try renderer.render(midiFile: job.input, to: job.output, format: job.format) { fraction in
            progress.show("rendering \(job.input): \(Int(fraction * 100))%")
        }
    }

    /// Several files on `jobs` threads; failures are reported one line each, and the command fails after
    /// the others are done.
    func renderBatch(_ plan: [RenderJob], with renderer: MIDIRenderer) throws {
        let progress = ProgressLine()
        let done = Counter()
        let results = renderer.render(plan, concurrency: jobs ?? ProcessInfo.processInfo.activeProcessorCount) { _, _ in
            progress.show("rendered \(done.increment()) of \(plan.count) files")
        }
        progress.finish()
        let failures = results.compactMap { result -> RenderError? in
            if case .failure(let error) = result { return error } else { return nil }
        }
        for failure in failures.dropLast() { Console.errorLine(failure.description) }
        if let last = failures.last {
            let summary = failures.count > 1 ? " (\(failures.count) of \(plan.count) files failed)" : ""
            throw CLIError.failure(last.description + summary)
        }
    }

    func createFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw RenderError.outputFolderUnwritable(path: path, detail: "cannot create it")
        }
    }

    /// Option mistakes are usage errors (exit 64); everything else is a failure (exit 1).
    static func cliError(_ error: RenderError) -> CLIError {
        switch error {
        case .invalidOption, .unsupportedOutputFormat, .sampleFormatUnsupported:
            return .usage(error.description)
        default:
            return .failure(error.description)
        }
    }
}

/// A progress line on stderr, shown only on a terminal and only after the work has taken a second.
private final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private var shown = false
    private let enabled = Console.stderrIsTerminal

    func show(_ text: String) {
        guard enabled, Date().timeIntervalSince(start) > 1 else { return }
        lock.withLock {
            shown = true
            Console.progress("\r\u{1B}[K" + text)
        }
    }

    /// Clears the line if anything was shown.
    func finish() {
        lock.withLock { if shown { Console.progress("\r\u{1B}[K") } }
    }
}

/// A thread-safe counter for finished batch jobs.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() -> Int { lock.withLock { value += 1; return value } }
}
