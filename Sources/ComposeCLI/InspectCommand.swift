import ArgumentParser
import MIDIFile
import Notation

/// `compose inspect`: what a MIDI or ABC file holds.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show format, tracks, length, tempo, meter, key and note count of a .mid or .abc file.",
        discussion: """
            --json prints {"format","ticksPerQuarter","tracks":[{"name","notes":[{"pitch","start","end","velocity","channel"}]}]} \
            with times in ticks (ABC: 480 per quarter, repeats expanded). Notes never switched off are not listed \
            (the rule symusic and pretty_midi follow); a note-off closes the earliest open note of its pitch and channel.
            """)

    @Argument(help: "A .mid or .abc file.")
    var input: String

    @Option(help: "The X: number of the tune to inspect in an ABC tunebook (default: the first).")
    var tune: Int?

    @Flag(help: "Print every note as JSON.")
    var json = false

    func run() throws {
        let document = try InputDocument.read(input)
        let file = try InputDocument.midi(document, tune: tune, path: input)
        Console.out(json ? MIDIInspection(file).json() + "\n" : MIDISummary(file).text(path: input, tunes: document.tuneCount))
    }
}

extension InputDocument {
    var tuneCount: Int? { if case .abc(let b) = self { return b.tunes.count } else { return nil } }
}

/// The facts `compose inspect` reports about a MIDI file, as text (the JSON is `MIDIInspection`'s).
struct MIDISummary {
    let file: MIDIFile
    let tracks: [MIDIInspection.Track]

    init(_ file: MIDIFile) {
        self.file = file
        tracks = MIDIInspection(file).tracks
    }

    /// Meta events of one kind across all tracks, as (tick, value) sorted by tick.
    func metas<T>(_ pick: (MIDIMetaEvent) -> T?) -> [(tick: Int, value: T)] {
        file.tracks.flatMap { t in
            t.events.compactMap { e -> (Int, T)? in
                if case .meta(let m) = e.event, let v = pick(m) { return (e.tick, v) } else { return nil }
            }
        }.sorted { $0.0 < $1.0 }
    }

    func text(path: String, tunes: Int?) -> String {
        let lengthTicks = file.tracks.map { $0.events.last?.tick ?? 0 }.max() ?? 0
        let tempos = metas { if case .tempo(let us) = $0 { return us } else { return nil } }
        let meters = metas { m -> String? in
            if case .timeSignature(let n, let p, _, _) = m { return "\(n)/\(1 << Int(p))" } else { return nil }
        }
        let keys = metas { m -> String? in
            if case .keySignature(let f, let minor) = m { return MIDIMetaEvent.key(fifths: Int(f), isMinor: minor)?.description ?? "\(f) fifths" }
            return nil
        }
        var seconds = 0.0
        if let tpq = file.division.ticksPerQuarter {
            var last = 0, us = 500_000
            for t in tempos where t.tick < lengthTicks {
                seconds += Double(t.tick - last) / Double(tpq) * Double(us) / 1e6
                last = t.tick; us = t.value
            }
            seconds += Double(lengthTicks - last) / Double(tpq) * Double(us) / 1e6
        }
        let bpm = tempos.map { String(format: "%.1f", 60_000_000.0 / Double($0.value)) }
        var s = "\(path)\n"
        if let tunes, tunes > 1 { s += "  tunebook:  \(tunes) tunes (showing one; pick with --tune N)\n" }
        s += "  format:    \(file.format.rawValue), \(file.tracks.count) track\(file.tracks.count == 1 ? "" : "s"), "
        switch file.division {
        case .ticksPerQuarter(let n): s += "\(n) ticks per quarter\n"
        case .smpte(let fps, let tpf): s += "SMPTE \(fps) fps × \(tpf) ticks per frame\n"
        }
        s += "  length:    \(lengthTicks) ticks" + (file.division.ticksPerQuarter != nil ? String(format: ", %.2f s", seconds) : "") + "\n"
        s += "  tempo:     " + (bpm.isEmpty ? "120 (default)" : bpm.prefix(5).joined(separator: ", ") + (bpm.count > 5 ? ", …" : "")) + " quarter notes per minute\n"
        s += "  meter:     " + (meters.isEmpty ? "4/4 (default)" : meters.map(\.value).prefix(5).joined(separator: ", ")) + "\n"
        s += "  key:       " + (keys.isEmpty ? "none given" : keys.map(\.value).prefix(5).joined(separator: ", ")) + "\n"
        s += "  notes:     \(tracks.reduce(0) { $0 + $1.notes.count })\n"
        for (i, t) in tracks.enumerated() {
            s += "  track \(i): \(t.name.isEmpty ? "(unnamed)" : "\"\(t.name)\""), \(t.notes.count) notes\n"
        }
        return s
    }
}
