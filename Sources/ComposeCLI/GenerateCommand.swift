import ArgumentParser
import ABCNotation
import Engine
import Harmony
import MIDIFile
import Models
import NeuralCore
import Notation
import Rendering

/// `compose generate` (the default subcommand): a new tune from the melody model and the harmony rules.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compose a tune: melody from the model, chords, bass and drums from the style's rules.",
        discussion: """
            Writes a type-1 MIDI file to standard output (never to a terminal) or to -o FILE, the format from \
            the extension: .mid, .abc (melody and chord symbols), .json (report and score), .svg (piano roll), \
            .wav/.flac/.ogg (rendered with FluidSynth). Every bar is full: exactly --bars bars (a --anacrusis \
            pickup is balanced by a short last bar). The same options and --seed give byte-identical output.

            Examples:
              compose --style folk --bars 16 > song.mid
              compose --style jig --bars 32 --key Ador --seed 7 -o jig.abc
              compose --style reel --motif-text "GABc dBAG" --render reel.wav > reel.mid
            """
    )

    @Option(help: "The style: \(Style.catalog.map(\.name).joined(separator: ", ")) ('compose styles' describes them).")
    var style: String = "folk"

    @Option(parsing: .unconditional, help: "Number of full bars, 1...\(CompositionRequest.maximumBars).")
    var bars: Int = 16

    @Option(help: "The form as letters, e.g. AABB, AB, ABAC (default: the style's; see the Engine README).")
    var form: String?

    @Option(help: "The key, e.g. G, Em, Ador, F#m, Bb mixolydian (default: drawn from the style's corpus keys).")
    var key: String?

    @Option(help: "The meter, one the style allows (e.g. 6/8, C|, 3/4; default: the style's first).")
    var meter: String?

    @Option(help: ArgumentHelp("A pickup as a fraction of a whole note (1/8 = a quaver), balanced by a short last bar.", valueName: "NOTE"))
    var anacrusis: String?

    @Option(help: "The melody model: lstm or transformer.")
    var model: ModelKind = .lstm

    @Option(help: ArgumentHelp("Weights (.safetensors) of the --model kind instead of the shipped model.", valueName: "FILE"))
    var weights: String?

    @Option(parsing: .unconditional, help: "Seed of every random choice.")
    var seed: UInt64 = 1

    @Option(parsing: .unconditional, help: "Sampling temperature, > 0 and ≤ 10.")
    var temperature: Float = 1

    @Option(name: .customLong("top-k"), parsing: .unconditional, help: "Keep the k most likely tokens (0: all).")
    var topK: Int = 0

    @Option(name: .customLong("top-p"), parsing: .unconditional, help: "Keep the most likely tokens up to this probability mass, (0, 1].")
    var topP: Float = 1

    @Option(parsing: .unconditional, help: "Tempo in beats per minute of the meter's beat (default: the style's).")
    var tempo: Int?

    @Flag(name: .customLong("no-accompaniment"), help: "Melody only (chord symbols are still written).")
    var noAccompaniment = false

    @Option(help: "The melody's instrument: a GM program 0...127 or \(InstrumentChoice.names.joined(separator: ", ")).")
    var instrument: String?

    @Option(help: ArgumentHelp("Open the tune with this motif: an ABC fragment or a MIDI file.", valueName: "FILE"))
    var motif: String?

    @Option(name: .customLong("motif-text"), help: ArgumentHelp("Open the tune with these ABC notes, e.g. \"GABc dBAG\".", valueName: "NOTES"))
    var motifText: String?

    @Flag(name: .customLong("transpose-motif"), help: "Transpose the motif to --key (otherwise the key is the motif's).")
    var transposeMotif = false

    @Flag(name: .customLong("novelty-report"), help: "Print the longest run of notes shared with a corpus tune on stderr.")
    var noveltyReport = false

    @Option(name: .shortAndLong, help: "Output file (.mid, .abc, .json, .svg, .wav, .flac, .ogg; default: MIDI on stdout).")
    var output: String?

    @Option(help: ArgumentHelp("Also render the tune to this audio file (.wav, .flac, .ogg).", valueName: "FILE"))
    var render: String?

    @Option(help: ArgumentHelp("SoundFont for audio output (default: as 'compose render').", valueName: "F.sf2"))
    var soundfont: String?

    func validate() throws {
        if motif != nil && motifText != nil { throw ValidationError("give --motif or --motif-text, not both") }
        _ = try SongFormat(destination: OutputDestination(path: output))
        if let render, SongFormat.audio(render) == nil {
            throw ValidationError("--render \(render): expected a .wav, .flac or .ogg file")
        }
    }

    func run() throws {
        let styleValue = try StyleChoice.parse(style)
        var request = CompositionRequest(style: styleValue, bars: bars, form: form, seed: seed,
                                         sampling: SamplingOptions(temperature: temperature, topK: topK, topP: topP),
                                         beatsPerMinute: tempo, accompaniment: !noAccompaniment,
                                         transposeMotif: transposeMotif)
        if let key { request.key = try Self.parseKey(key) }
        if let meter {
            do { request.meter = try Meter(parsing: meter) } catch {
                throw CLIError.usage("--meter '\(meter)': not a meter (write 6/8, 3/4, C or C|)")
            }
        }
        if let anacrusis { request.anacrusis = try Self.parseNoteLength(anacrusis, option: "--anacrusis") }
        if let instrument { request.melodyInstrument = try InstrumentChoice.parse(instrument, style: styleValue) }
        do { try request.validate() } catch { throw CLIError.usage(error.description) }
        if let motif { request.motif = try Self.readMotif(path: motif, request: request) }
        if let motifText {
            do {
                request.motif = try Motif(abc: motifText, source: "--motif-text", meter: request.effectiveMeter, key: request.key)
            } catch { throw CLIError.usage(error.description) }
        }

        let composer = try Engine.Composer(model: try loadModel(), noveltyIndex: try loadIndex())
        let song: Composition
        do { song = try composer.compose(request) } catch {
            throw error.isUsage ? CLIError.usage(error.description) : CLIError.failure(error.description)
        }
        if noveltyReport { Console.errorLine(Self.noveltyLine(song.report)) }
        let destination = OutputDestination(path: output)
        try SongFormat(destination: destination).write(song, to: destination, soundfont: soundfont)
        if let render { try SongFormat.audio(render)!.write(song, to: .file(render), soundfont: soundfont) }
    }

    /// The melody model (LSTM or transformer): --weights, else the shipped one.
    func loadModel() throws -> any MelodyModel {
        switch model {
        case .transformer:
            do {
                if let weights { return try TransformerMelodyModel.load(from: weights) }
                return try TransformerMelodyModel.shipped()
            } catch {
                if weights == nil {
                    throw CLIError.failure("this build ships no trained transformer; train one with 'compose train --model transformer -o transformer.safetensors' and pass --weights transformer.safetensors")
                }
                throw CLIError.failure("\(error)")
            }
        case .ngram:
            throw CLIError.usage("--model ngram scores tunes but does not compose; use --model lstm")
        case .lstm:
            do {
                if let weights { return try LSTMMelodyModel.load(from: weights) }
                return try LSTMMelodyModel.shipped()
            } catch {
                if weights == nil {
                    throw CLIError.failure("this build ships no trained LSTM; train one with 'compose train -o lstm.safetensors' and pass --weights lstm.safetensors")
                }
                throw CLIError.failure("\(error)")
            }
        }
    }

    /// The corpus run index shipped with the Engine module.
    func loadIndex() throws -> NoveltyIndex {
        do { return try NoveltyIndex.bundled() } catch { throw CLIError.failure(error.description) }
    }

    static func noveltyLine(_ report: CompositionReport) -> String {
        let run = report.novelty
        let shared = run.map { $0.length >= NoveltyIndex.runLength
            ? "longest run shared with the corpus: \($0.length) notes, with \($0.tune ?? "?") (from note \(($0.firstNote ?? 0) + 1))"
            : "no run of \(NoveltyIndex.runLength) or more notes shared with a corpus tune" } ?? "novelty not checked"
        return "novelty: \(shared); seed \(report.seedUsed) kept after \(report.attempts) melod\(report.attempts == 1 ? "y" : "ies")"
    }

    static func parseKey(_ text: String) throws -> Key {
        do { return try Key(parsing: text) } catch {
            throw CLIError.usage("--key '\(text)': not a key (write G, Em, Ador, F#m or Bb mixolydian)")
        }
    }

    /// A note length written as a fraction of a whole note (`1/8`), in quarter notes.
    static func parseNoteLength(_ text: String, option: String) throws -> Rational {
        guard let value = Rational(text), value > .zero else {
            throw CLIError.usage("\(option) '\(text)': expected a note length such as 1/8 (a quaver) or 1/4")
        }
        return value * 4
    }

    static func readMotif(path: String, request: CompositionRequest) throws -> Motif {
        let bytes = try InputFile.read(path)
        do {
            if bytes.starts(with: Array("MThd".utf8)) { return try Motif(midi: bytes, source: path) }
            return try Motif(abc: String(decoding: bytes, as: UTF8.self), source: path, meter: request.effectiveMeter, key: request.key)
        } catch { throw CLIError.usage(error.description) }
    }
}

/// Style names as the command line takes them, with "did you mean" for typos.
enum StyleChoice {
    static func parse(_ name: String) throws -> Style {
        do { return try Style.named(name) } catch {
            if case .unknownStyle(_, let suggestion) = error {
                throw CLIError.usage(EngineError.unknownStyle(name: name, suggestion: suggestion).description)
            }
            throw CLIError.usage(error.description)
        }
    }
}

/// Melody instruments by name or GM program.
enum InstrumentChoice {
    static let known: [Instrument] = [.fiddle, .flute, .whistle, .accordion, .pipes, .piano, .guitar, .nylonGuitar, .harp]
    static var names: [String] { known.map { $0.name.lowercased() } }

    /// A named instrument (its range), or a GM program with the style's melody range.
    static func parse(_ text: String, style: Style) throws -> Instrument {
        if let program = Int(text) {
            guard (0...127).contains(program) else { throw CLIError.usage("--instrument \(program): a GM program is 0...127") }
            if let match = known.first(where: { $0.program == program }) { return match }
            return Instrument(name: "GM program \(program)", program: program, range: style.instruments.melody.range)
        }
        let lower = text.lowercased()
        if let match = known.first(where: { $0.name.lowercased() == lower || $0.name.lowercased().hasSuffix(" " + lower) }) {
            return match
        }
        throw CLIError.usage("--instrument '\(text)': unknown; use a GM program 0...127 or one of \(names.joined(separator: ", "))")
    }
}

/// The formats a composed or harmonized tune is written in, from the output's extension.
enum SongFormat {
    case midi, abc, json, svg
    case audio(AudioFileFormat)

    /// The format for a destination: MIDI on stdout, else by extension; an unknown extension is a usage error.
    init(destination: OutputDestination) throws {
        guard case .file(let path) = destination else { self = .midi; return }
        switch destination.fileExtension {
        case "mid", "midi": self = .midi
        case "abc": self = .abc
        case "json": self = .json
        case "svg": self = .svg
        default:
            guard let audio = Self.audio(path) else {
                throw ValidationError("-o \(path): cannot tell the format; use .mid, .abc, .json, .svg, .wav, .flac or .ogg")
            }
            self = audio
        }
    }

    /// An audio format for a path ending in .wav, .flac or .ogg.
    static func audio(_ path: String) -> SongFormat? {
        guard AudioContainer(path: path) != nil, let format = try? AudioFileFormat(path: path) else { return nil }
        return .audio(format)
    }

    /// Writes the tune; files appear only once complete.
    func write(_ song: Composition, to destination: OutputDestination, soundfont: String?) throws {
        switch self {
        case .midi:
            try destination.write(try Self.midiBytes(song.score), binary: true, hint: "redirect with > song.mid or pass -o song.mid")
        case .abc:
            var sheet = song.leadSheet
            sheet.parts = sheet.parts.map { var p = $0; p.voices = Array(p.voices.prefix(1)); return p }
            let text: String
            do { text = try ABCWriter.abcText(for: sheet) } catch { throw CLIError.failure("cannot write ABC: \(error)") }
            try destination.write(Array(text.utf8), binary: false, hint: "")
        case .json:
            let text = try encodeJSON(SongJSON(report: song.report, score: song.score)) + "\n"
            try destination.write(Array(text.utf8), binary: false, hint: "")
        case .svg:
            try destination.write(Array(PianoRoll.svg(for: song.score, chords: song.chords).utf8), binary: false, hint: "")
        case .audio(let format):
            guard case .file(let path) = destination else { throw CLIError.usage("audio goes to a file: pass -o song.wav") }
            do {
                var search = SoundFontSearch(explicitPath: soundfont)
                search.explicitOrigin = "--soundfont"
                let renderer = try MIDIRenderer(soundFont: search.locate())
                let audio = try renderer.render(midi: try Self.midiBytes(song.score), source: "the composed tune")
                try audio.write(to: path, format: format)
            } catch let error as RenderError {
                throw Render.cliError(error)
            }
        }
    }

    static func midiBytes(_ score: Score) throws -> [UInt8] {
        do { return try MIDIFile(score: score).bytes() } catch { throw CLIError.failure("cannot write MIDI: \(error)") }
    }
}

/// The `.json` output: the engine's report and the whole score (Notation's Codable form).
struct SongJSON: Encodable {
    var report: CompositionReport
    var score: Score
}
