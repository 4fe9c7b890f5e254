import Notation

/// An SVG piano roll of a score: one coloured lane of rectangles per part (melody, chords, bass; drums
/// left out), bar lines, bar numbers and chord names. Deterministic text (same score, same bytes).
public enum PianoRoll {
    /// Horizontal pixels per quarter note.
    public static let pixelsPerQuarter = 32
    /// Vertical pixels per semitone.
    public static let pixelsPerSemitone = 5

    static let colours = ["Melody": "#1f5fbf", "Chords": "#9a9a9a", "Bass": "#2e8b57"]

    /// The SVG text for `score` with `chords` written above the bars.
    public static func svg(for score: Score, chords: [TimedChordSymbol]) -> String {
        let parts = score.parts.filter { $0.channel != 9 }
        let notes = parts.flatMap { part in part.voices.flatMap(\.notes).map { (part.name, $0) } }
        let high = (notes.map(\.1.pitch.midi).max() ?? 72) + 2
        let low = (notes.map(\.1.pitch.midi).min() ?? 48) - 2
        let top = 40, left = 10
        let width = left * 2 + Int((score.end * Rational(pixelsPerQuarter)).doubleValue.rounded(.up))
        let height = top + (high - low + 1) * pixelsPerSemitone + 10
        func x(_ t: Rational) -> String { format(Double(left) + (t * Rational(pixelsPerQuarter)).doubleValue) }
        func y(_ pitch: Int) -> Int { top + (high - pitch) * pixelsPerSemitone }

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
        out += "<title>\(escape(score.title))</title>\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        // bar lines and numbers
        let meter = score.meter(at: .zero)
        var bar = score.anacrusis > .zero ? score.anacrusis : meter.barLength
        var number = 1
        out += "<g stroke=\"#cccccc\" font-family=\"sans-serif\" font-size=\"9\" fill=\"#666666\">\n"
        out += "<line x1=\"\(x(.zero))\" y1=\"\(top - 12)\" x2=\"\(x(.zero))\" y2=\"\(height - 10)\"/>\n"
        while bar <= score.end {
            out += "<line x1=\"\(x(bar))\" y1=\"\(top - 12)\" x2=\"\(x(bar))\" y2=\"\(height - 10)\"/>"
            out += "<text x=\"\(x(bar))\" y=\"\(height - 1)\" stroke=\"none\">\(number + 1)</text>\n"
            number += 1
            bar += meter.barLength
        }
        out += "</g>\n"
        // chord names
        out += "<g font-family=\"sans-serif\" font-size=\"11\" fill=\"#000000\">\n"
        for chord in chords {
            out += "<text x=\"\(x(chord.onset))\" y=\"\(top - 16)\">\(escape(chord.symbol.description))</text>\n"
        }
        out += "</g>\n"
        // notes, one group per part
        for part in parts {
            let colour = colours[part.name] ?? "#b05a00"
            out += "<g fill=\"\(colour)\" stroke=\"none\"><desc>\(escape(part.name))</desc>\n"
            for note in part.voices.flatMap(\.notes).sorted(by: { ($0.onset, $0.pitch) < ($1.onset, $1.pitch) }) {
                let w = format(max((note.duration * Rational(pixelsPerQuarter)).doubleValue - 1, 1))
                out += "<rect x=\"\(x(note.onset))\" y=\"\(y(note.pitch.midi))\" width=\"\(w)\" height=\"\(pixelsPerSemitone)\"/>\n"
            }
            out += "</g>\n"
        }
        return out + "</svg>\n"
    }

    /// A number with at most two decimals and no trailing zeros (locale-free).
    static func format(_ v: Double) -> String {
        let hundredths = Int((v * 100).rounded())
        let whole = hundredths / 100, fraction = abs(hundredths % 100)
        if fraction == 0 { return "\(whole)" }
        return fraction % 10 == 0 ? "\(whole).\(fraction / 10)" : "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
