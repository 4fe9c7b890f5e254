import ArgumentParser
import Engine
import Harmony
import MIDIFile
import Notation

/// `compose harmonize`: chords, voicing and accompaniment for a melody the user brings.
struct Harmonize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Add chord symbols, bass and accompaniment to a melody (.abc or .mid); the melody stays as it is.",
        discussion: """
            The output format comes from -o's extension (.mid, .abc, .json, .svg, .wav, .flac, .ogg); without \
            -o a MIDI file goes to standard output. Key and meter come from the tune (K:/M: or key and time \
            signatures; C major and 4/4 when it has none).
            """
    )

    @Argument(help: ArgumentHelp("The melody: an ABC tune or a MIDI file.", valueName: "TUNE.abc|TUNE.mid"))
    var input: String

    @Option(help: "The style of accompaniment: \(Style.catalog.map(\.name).joined(separator: ", ")).")
    var style: String = "folk"

    @Option(help: "The X: number of the tune in an ABC tunebook (default: the first).")
    var tune: Int?

    @Option(parsing: .unconditional, help: "Seed of the accompaniment's pattern choices.")
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: "Output file (default: MIDI on standard output).")
    var output: String?

    @Option(help: ArgumentHelp("SoundFont for audio output.", valueName: "F.sf2"))
    var soundfont: String?

    func validate() throws {
        _ = try SongFormat(destination: OutputDestination(path: output))
    }

    func run() throws {
        let styleValue = try StyleChoice.parse(style)
        let score: Score
        switch try InputDocument.read(input) {
        case .midi(let file):
            do { score = try file.score() } catch { throw CLIError.failure("\(input): \(error)") }
        case .abc(let book):
            let t = try InputDocument.tune(in: book, number: tune, path: input)
            do { score = try t.score(voices: .firstVoiceAsMelody) } catch { throw CLIError.failure("\(input): \(error)") }
        }
        let song: Composition
        do { song = try TuneHarmonizer.harmonize(score, style: styleValue, seed: seed) } catch {
            throw error.isUsage ? CLIError.usage("\(input): \(error.description)") : CLIError.failure("\(input): \(error.description)")
        }
        let destination = OutputDestination(path: output)
        try SongFormat(destination: destination).write(song, to: destination, soundfont: soundfont)
    }
}
