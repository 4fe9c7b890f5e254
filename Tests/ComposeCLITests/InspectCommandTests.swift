import ABCNotation
import Foundation
import MIDIFile
import Testing
@testable import ComposeCLI

@Suite struct InspectCommandTests {
    struct Dump: Decodable {
        struct Track: Decodable { var name: String; var notes: [Note] }
        struct Note: Decodable, Equatable { var pitch: Int; var start: Int; var end: Int; var velocity: Int; var channel: Int }
        var format: Int
        var ticksPerQuarter: Int?
        var tracks: [Track]
    }

    @Test func abcSummaryAndJSONAgreeWithTheLibrary() throws {
        let path = ComposeRunner.repository + "/Examples/tunes/the-kesh.abc"
        let text = try ComposeRunner.run(["inspect", path])
        #expect(text.status == 0 && text.stderr.isEmpty)
        let out = String(decoding: text.stdout, as: UTF8.self)
        for field in ["format:", "length:", "tempo:", "meter:     6/8", "key:       G major", "notes:"] {
            #expect(out.contains(field), "missing \(field)")
        }
        let json = try ComposeRunner.run(["inspect", "--json", path])
        #expect(json.status == 0)
        let dump = try JSONDecoder().decode(Dump.self, from: json.stdout)
        #expect(dump.ticksPerQuarter == 480 && dump.format == 1)
        // The CLI's notes are the library's expanded notes at 480 ticks per quarter.
        let tune = try #require(try ABCTunebook(contentsOf: path).tunes.first)
        let expected = tune.playedNotes().map { ($0.pitch.midi, $0.onset.ticks(perQuarter: 480)!) }
        let got = dump.tracks.flatMap(\.notes).map { ($0.pitch, $0.start) }
        #expect(got.map(\.0) == expected.map(\.0) && got.map(\.1) == expected.map(\.1))
    }

    @Test func midiSamplesInspectOrFailOnOneLine() throws {
        let folder = ComposeRunner.repository + "/../shared/midi-samples/drywetmidi-valid/SingleTrack/Small"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".mid") }.prefix(5)
        try #require(!files.isEmpty)
        for f in files {
            let r = try ComposeRunner.run(["inspect", "--json", folder + "/" + f])
            if r.status == 0 {
                let dump = try JSONDecoder().decode(Dump.self, from: r.stdout)
                let file = try MIDIFile(contentsOfFile: folder + "/" + f)
                #expect(dump.tracks.count == file.tracks.count, "\(f)")
            } else {
                #expect(r.status == 1 && r.stderrLines.count == 1, "\(f): \(r.stderr)")
            }
        }
    }

    @Test func tunebookPicksATuneByNumber() throws {
        let book = ComposeRunner.repository + "/Corpus/miscFolk.abc"
        let r = try ComposeRunner.run(["inspect", "--tune", "3", book])
        #expect(r.status == 0)
        let readable = ABCTunebook(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: book)))).tunes.count
        #expect(String(decoding: r.stdout, as: UTF8.self).contains("\(readable) tunes"))
        let missing = try ComposeRunner.run(["inspect", "--tune", "9999", book])
        #expect(missing.status == 1 && missing.stderrLines.count == 1 && missing.stderr.contains("X:9999"))
    }
}
