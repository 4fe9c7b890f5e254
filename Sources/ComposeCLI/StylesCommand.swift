import ArgumentParser
import Engine
import Harmony

/// `compose styles`: the styles, their meters, tempi and forms, and how much of each the corpus teaches.
struct Styles: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the styles: meters, tempo, form, instruments, and whether each is learned or rule-guided.")

    func run() throws {
        let keys: KeyDistribution
        do { keys = try KeyDistribution.bundled() } catch { throw CLIError.failure(error.description) }
        var out = "style       corpus tunes  source        meters (default first)       tempo (beats/min)  form      melody\n"
        for style in Style.catalog {
            let label = Composer.styleLabel(style)
            let tunes = (keys.counts[label] ?? []).reduce(0) { $0 + $1.count }
            let source = style.source == .learned && tunes >= 100 ? "learned"
                : style.source == .learned ? "learned (few)" : "rule-guided"
            let meters = style.meters.map(\.meter.description).joined(separator: ", ") + (style.acceptsAnyMeter ? ", any" : "")
            let first = style.meters[0]
            let tempo = "\(first.beatsPerMinute.lowerBound)-\(first.beatsPerMinute.upperBound) (\(first.defaultBeatsPerMinute))"
            let form = "\(style.form.pattern.joined()) x \(style.form.barsPerSection)"
            out += pad(style.name, 12) + pad(String(tunes), 14) + pad(source, 14) + pad(meters, 29) + pad(tempo, 19)
                + pad(form, 10) + style.instruments.melody.name.lowercased() + "\n"
        }
        out += """

            learned: the melody model has seen many corpus tunes of the style (counts from the corpus; folk counts \
            every tune). rule-guided: few or no corpus tunes, so the style's meter, rhythm templates and harmony \
            rules carry it and the melody comes from the model's general folk vocabulary.

            """
        Console.out(out)
    }

    func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
