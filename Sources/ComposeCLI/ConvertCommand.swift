import ArgumentParser
import ABCNotation
import MIDIFile
import Notation

/// The file formats `convert` writes.
enum ScoreFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case mid, abc
}

/// `compose convert`: between ABC and Standard MIDI Files.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert between .abc and .mid (the output format from -o's extension, or --to).")

    @Argument(help: "A .mid or .abc file.")
    var input: String

    @Option(name: .shortAndLong, help: "The output file (default: standard output).")
    var output: String?

    @Option(help: "The output format when writing to standard output: \(ScoreFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var to: ScoreFormat?

    @Option(help: "The X: number of the tune to convert from an ABC tunebook (default: the first).")
    var tune: Int?

    func run() throws {
        let destination = OutputDestination(path: output)
        let format: ScoreFormat
        if let ext = destination.fileExtension {
            guard let f = ScoreFormat(rawValue: ext == "midi" ? "mid" : ext) else {
                throw CLIError.usage("cannot write '.\(ext)' files; use -o FILE.mid or -o FILE.abc")
            }
            if let to, to != f { throw CLIError.usage("--to \(to.rawValue) contradicts -o \(output!)") }
            format = f
        } else {
            format = to ?? .mid
        }
        let document = try InputDocument.read(input)
        switch format {
        case .mid:
            let file = try InputDocument.midi(document, tune: tune, path: input)
            let bytes: [UInt8]
            do { bytes = try file.bytes() } catch { throw CLIError.failure("\(input): \(error)") }
            try destination.write(bytes, binary: true, hint: "redirect with > song.mid or pass -o song.mid")
        case .abc:
            let score: Score
            switch document {
            case .midi(let file):
                do { score = try file.score() } catch { throw CLIError.failure("\(input): \(error)") }
            case .abc(let book):
                let t = try InputDocument.tune(in: book, number: tune, path: input)
                do { score = try t.score(voices: .allVoicesAsParts) } catch { throw CLIError.failure("\(input): \(error)") }
            }
            // ABC holds one melody: the first part with notes that is not GM percussion, its first voice.
            guard var part = score.parts.first(where: { $0.channel != 9 && !$0.voices.flatMap(\.events).allSatisfy({ $0.pitches.isEmpty }) }) else {
                throw CLIError.failure("\(input): no melodic part to write as ABC")
            }
            if part.voices.count > 1 { part.voices = [part.voices[0]] }
            if score.parts.count > 1 {
                Console.progress("convert: writing part \"\(part.name)\" as ABC; \(score.parts.count - 1) other parts left out\n")
            }
            var melody = score
            melody.parts = [part]
            melody.meterChanges = Array(score.meterChanges.prefix(1))
            let text: String
            do { text = try ABCWriter.abcText(for: melody) } catch { throw CLIError.failure("\(input): \(error)") }
            try destination.write(Array(text.utf8), binary: false, hint: "")
        }
    }
}
