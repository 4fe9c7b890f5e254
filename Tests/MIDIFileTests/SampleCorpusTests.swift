import Foundation
import Testing
import MIDIFile

/// Reading every real file in the sample corpus: each parses, or is rejected with an error that names
/// its byte offset; every parsed file survives read -> write -> read with every event kept.
@Suite(.enabled(if: SampleCorpus.isAvailable, "needs ../shared/midi-samples"))
struct SampleCorpusTests {
    @Test func everyFileParsesOrIsRejectedWithAnOffset() throws {
        let files = try SampleCorpus.load()
        #expect(files.count > 200)
        var parsed = 0
        for (path, bytes) in files {
            do {
                let file = try MIDIFile(bytes: bytes)
                #expect(!file.tracks.isEmpty, "\(path)")
                parsed += 1
            } catch {
                #expect(error.offset != nil, "\(path): \(error)")
                #expect(!error.description.isEmpty)
            }
        }
        // Almost all of these files load in symusic and mido; a reader that rejects many is broken.
        #expect(parsed >= files.count - 2)
    }

    @Test func readWriteReadKeepsEveryEventAndWritingIsStable() throws {
        for (path, bytes) in try SampleCorpus.load() {
            guard let file = try? MIDIFile(bytes: bytes) else { continue }
            let written = try file.bytes()
            let reread = try MIDIFile(bytes: written)
            #expect(reread.format == file.format && reread.division == file.division, "\(path)")
            #expect(reread.tracks.count == file.tracks.count, "\(path)")
            for (a, b) in zip(file.tracks, reread.tracks) {
                // The writer adds an end-of-track only where the original lacked one.
                var expected = a.events
                if case .meta(.endOfTrack)? = expected.last?.event {} else {
                    expected.append(MIDITrackEvent(tick: expected.last?.tick ?? 0, event: .meta(.endOfTrack)))
                }
                #expect(b.events == expected, "\(path)")
            }
            #expect(try reread.bytes() == written, "\(path): writing what was read back changed the bytes")
        }
    }

    /// With `TUNESMITH_MIDI_DUMP_DIR` set, writes one JSON per sample file (the `compose inspect --json`
    /// layout, times in ticks) for Scripts/midi/crosscheck.py, plus each file as our writer writes it
    /// (`rewritten/`) and files written from scores (`generated/`).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["TUNESMITH_MIDI_DUMP_DIR"] != nil))
    func dumpNotesAsJSON() throws {
        let dir = URL(fileURLWithPath: ProcessInfo.processInfo.environment["TUNESMITH_MIDI_DUMP_DIR"]!)
        let notesDir = dir.appendingPathComponent("notes"), rewritten = dir.appendingPathComponent("rewritten")
        let generated = dir.appendingPathComponent("generated")
        for d in [notesDir, rewritten, generated] { try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true) }
        for (path, bytes) in try SampleCorpus.load() {
            // "a/b.mid" -> "a%2Fb.mid" (percent-encoding "%" and "/" only), undone by crosscheck.py.
            let flat = path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "/", with: "%2F")
            var json = Data()
            do {
                let file = try MIDIFile(bytes: bytes)
                json = Data(MIDIInspection(file).json().utf8)
                try Data(try file.bytes()).write(to: rewritten.appendingPathComponent(flat))
            } catch let error as MIDIFileError {
                json = try JSONSerialization.data(withJSONObject: [
                    "error": error.description, "offset": error.offset as Any, "track": error.track as Any,
                ])
            }
            try json.write(to: notesDir.appendingPathComponent(flat + ".json"))
            // Every 40th sample also goes through a Score: read -> score -> write (at 480 ticks per quarter).
            if SampleCorpus.relativePaths.firstIndex(of: path)! % 40 == 0, let file = try? MIDIFile(bytes: bytes),
               let score = try? file.score() {
                try MIDIFile(score: score).write(toFile: generated.appendingPathComponent("score-" + flat).path)
            }
        }
        // Files written from the test tune at two resolutions.
        try MIDIFile(score: ScoreToMIDITests.tune()).write(toFile: generated.appendingPathComponent("tune-480.mid").path)
        try MIDIFile(score: ScoreToMIDITests.tune(), ticksPerQuarter: 96).write(toFile: generated.appendingPathComponent("tune-96.mid").path)
    }
}
