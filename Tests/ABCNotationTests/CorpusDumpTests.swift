import Foundation
import Notation
import Testing

@testable import ABCNotation

/// Writes our expanded notes for every corpus tune as JSON, for Scripts/abc/compare_abc2midi.py.
/// Runs only when TUNESMITH_ABC_DUMP_DIR names a folder; the format is `compose inspect --json`'s
/// (`{"format":1,"ticksPerQuarter":480,"tracks":[{"name":…,"notes":[{"pitch","start","end","velocity","channel"}]}]}`),
/// one file per ABC file, keyed by the line number of each tune's X: line. Single-voice tunes also carry
/// `writtenABC`, the ABC writer's text for the expanded melody.
@Test(.enabled(if: ProcessInfo.processInfo.environment["TUNESMITH_ABC_DUMP_DIR"] != nil))
func dumpCorpusForAbc2midiComparison() throws {
    let out = ProcessInfo.processInfo.environment["TUNESMITH_ABC_DUMP_DIR"]!
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    for file in try Corpus.files() {
        let book = try ABCTunebook(contentsOf: Corpus.path(file))
        var tunes: [[String: Any]] = []
        for tune in book.tunes {
            let score = try tune.score(voices: .allVoicesAsParts)
            var tracks: [[String: Any]] = []
            for part in score.parts {
                let notes = part.voices.flatMap(\.notes).sorted { ($0.onset, $0.pitch) < ($1.onset, $1.pitch) }
                tracks.append([
                    "name": part.name,
                    "notes": notes.map {
                        [
                            "pitch": $0.pitch.midi, "start": $0.onset.roundedTicks(perQuarter: 480),
                            "end": $0.end.roundedTicks(perQuarter: 480), "velocity": $0.velocity,
                            "channel": part.channel,
                        ]
                    },
                ])
            }
            var entry: [String: Any] = [
                "line": tune.location.line, "x": tune.referenceNumber, "title": tune.title,
                "dump": ["format": 1, "ticksPerQuarter": 480, "tracks": tracks],
            ]
            // The writer's ABC for the melody, which abc2midi must play as the same notes.
            if tune.voices.count == 1 {
                entry["writtenABC"] = try ABCWriter.abcText(for: score, referenceNumber: tune.referenceNumber)
            }
            tunes.append(entry)
        }
        let failures = book.failures.map {
            ["line": $0.location.line, "x": $0.referenceNumber ?? -1, "error": $0.error.description] as [String: Any]
        }
        let json = try JSONSerialization.data(
            withJSONObject: ["file": file, "tunes": tunes, "failures": failures], options: [.sortedKeys])
        let name = file.replacingOccurrences(of: "/", with: "__") + ".json"
        try json.write(to: URL(fileURLWithPath: out + "/" + name))
    }
}
