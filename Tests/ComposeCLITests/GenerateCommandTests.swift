import Foundation
import MIDIFile
import Models
import NeuralCore
import Testing
import Tokens
import ABCNotation

/// `compose generate` run as a user runs it, with a small random-weight LSTM written to a temporary file
/// (what the music sounds like does not matter here; the shipped model is never needed).
@Suite struct GenerateCommandTests {
    static let weights: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("generate-test-lstm-\(getpid()).safetensors").path
        let config = LSTMLanguageModel.Configuration(vocabularySize: Vocabulary.standard.count, embeddingSize: 16,
                                                     hiddenSize: 24, layerCount: 1, dropout: 0)
        let network = try! LSTMLanguageModel(configuration: config, seed: 11)
        try! LSTMMelodyModel(network: network).save(to: path)
        return path
    }()

    static func run(_ arguments: [String]) throws -> ComposeRunner.Result {
        // A case that names its own weights keeps them (the last --weights would win otherwise).
        try ComposeRunner.run(arguments.contains("--weights") ? arguments : arguments + ["--weights", weights])
    }

    @Test func defaultSubcommandWritesAType1MIDIFileWithNamedTracks() throws {
        let r = try Self.run(["--style", "reel", "--bars", "16", "--seed", "3"])
        #expect(r.status == 0, "\(r.stderr)")
        let file = try MIDIFile(bytes: [UInt8](r.stdout))
        #expect(file.format == .multiTrack)
        let score = try file.score()
        #expect(score.parts.map(\.name) == ["Melody", "Chords", "Bass", "Drums"])
        #expect(score.meterChanges.first?.meter.numerator == 2)
        #expect(!(score.parts.first { $0.name == "Chords" }?.chordSymbols.isEmpty ?? true), "chord symbols as text events")
        // the same options give the same bytes
        let again = try Self.run(["generate", "--style", "reel", "--bars", "16", "--seed", "3"])
        #expect(again.stdout == r.stdout)
        #expect(try Self.run(["--style", "reel", "--bars", "16", "--seed", "4"]).stdout != r.stdout)
    }

    @Test func outputFormatsFollowTheExtension() throws {
        let dir = try ComposeRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for ext in ["mid", "abc", "json", "svg"] {
            let r = try Self.run(["--style", "jig", "--bars", "8", "--key", "Ador", "-o", "\(dir)/t.\(ext)"])
            #expect(r.status == 0, "\(ext): \(r.stderr)")
        }
        let abc = try String(contentsOfFile: dir + "/t.abc", encoding: .utf8)
        let book = ABCTunebook(text: abc)
        #expect(book.tunes.count == 1 && book.failures.isEmpty)
        #expect(abc.contains("K:Ador") && abc.contains("M:6/8") && abc.contains("\""), "key, meter and chord symbols")
        let json = try String(contentsOfFile: dir + "/t.json", encoding: .utf8)
        #expect(json.hasPrefix("{\"report\":") && json.contains("\"key\":\"A dorian\""))
        let svg = try String(contentsOfFile: dir + "/t.svg", encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.contains("<desc>Bass</desc>") && svg.hasSuffix("</svg>\n"))
        #expect(try MIDIFile(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/t.mid")))).tracks.count == 5, "conductor, melody, chords, bass, drums")
    }

    @Test func audioOutputRendersThroughFluidSynth() throws {
        let dir = try ComposeRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Self.run(["--style", "polka", "--bars", "4", "-o", "\(dir)/t.mid", "--render", "\(dir)/t.wav"])
        #expect(r.status == 0, "\(r.stderr)")
        let size = (try FileManager.default.attributesOfItem(atPath: dir + "/t.wav")[.size] as? Int) ?? 0
        #expect(size > 44_100, "a few seconds of stereo audio")
    }

    @Test(arguments: [
        (["--bars", "0"], 64, "--bars: 0 is outside 1...512"),
        (["--bars", "-1"], 64, "--bars: -1 is outside 1...512"),
        (["--bars", "100000"], 64, "--bars: 100000 is outside 1...512"),
        (["--key", "H"], 64, "--key 'H': not a key"),
        (["--style", "jig", "--meter", "3/4"], 64, "--meter: jig is not played in 3/4"),
        (["--temperature", "0"], 64, "--temperature: 0.0 must be > 0"),
        (["--style", "jigg"], 64, "unknown style 'jigg'; did you mean 'jig'?"),
        (["--form", "AABB", "--bars", "10"], 64, "--form: 10 bars do not split into 4 equal parts"),
        (["--model", "transformer", "--weights", "no-such-model.safetensors"], 1, "no-such-model.safetensors"),
        (["-o", "song.txt"], 64, "-o song.txt: cannot tell the format"),
        (["--motif-text", "GABc"], 64, "--motif-text:1:4: the motif ends inside a bar"),
        (["--motif-text", "GABc dBAG GABc dBAG", "--bars", "1"], 64, "--motif-text:1:11: the motif is longer than the tune"),
        (["--instrument", "kazoo"], 64, "--instrument 'kazoo': unknown"),
    ] as [([String], Int32, String)])
    func badOptionsAreOneLineErrors(arguments: [String], status: Int32, message: String) throws {
        let r = try Self.run(arguments)
        #expect(r.status == status)
        #expect(r.stderrLines.count == 1)
        #expect(r.stderr.hasPrefix("compose: " + message), "\(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func aMotifOpensTheTuneVerbatim() throws {
        let r = try Self.run(["--style", "jig", "--bars", "8", "--motif", "Examples/motif.abc", "--no-accompaniment"])
        #expect(r.status == 0, "\(r.stderr)")
        let melody = try MIDIFile(bytes: [UInt8](r.stdout)).score().parts[0].voices.flatMap(\.notes)
        // AFA dfa in D: A4 F#4 A4 D5 F#5 A5 quavers
        #expect(melody.prefix(6).map(\.pitch.midi) == [69, 66, 69, 74, 78, 81])
        let score = try MIDIFile(bytes: [UInt8](r.stdout)).score()
        #expect(score.keyChanges.first?.key.tonic.pitchClass == 2, "the key defaults to the motif's")
    }

    @Test func noveltyReportNamesTheLongestSharedRun() throws {
        let r = try Self.run(["--style", "reel", "--bars", "8", "--novelty-report"])
        #expect(r.status == 0)
        #expect(r.stderr.hasPrefix("compose: novelty: "), "\(r.stderr)")
    }
}
