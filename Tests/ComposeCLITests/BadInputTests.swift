import Foundation
import Testing

/// Bad input of every kind, files and options alike: each ends with exit status 1 (bad input or failed work) or
/// 64 (usage), exactly one line on stderr that says what and where, no output file, and no crash.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        /// The exit status: 1 (bad input, failed work), 64 (usage), or 0 here meaning either of the two.
        var status: Int32
        /// Text the one stderr line must contain.
        var mentions: [String] = []
        var environment: [String: String] = [:]
        var testDescription: String { name }
    }

    /// Files the cases read, written fresh into a folder per run (`$DIR` in arguments is replaced).
    static let files: [String: [UInt8]] = [
        "empty.mid": [],
        "mthd-only.mid": Array("MThd".utf8),
        // Header length 5 instead of 6.
        "header-length.mid": [0x4D, 0x54, 0x68, 0x64, 0, 0, 0, 5, 0, 0, 0, 1, 0],
        // One track whose first delta time has five continuation bytes.
        "vlq.mid": [0x4D, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 0, 0, 1, 0, 96,
                    0x4D, 0x54, 0x72, 0x6B, 0, 0, 0, 9, 0x81, 0x81, 0x81, 0x81, 0x01, 0x90, 60, 100, 0],
        // Track claims 1000 bytes; the file holds 4.
        "track-length.mid": [0x4D, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 0, 0, 1, 0, 96,
                             0x4D, 0x54, 0x72, 0x6B, 0, 0, 0x03, 0xE8, 0, 0xFF, 0x2F, 0],
        // Running status with no status: a data byte where the first event's status should be.
        "running-status.mid": [0x4D, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 0, 0, 1, 0, 96,
                               0x4D, 0x54, 0x72, 0x6B, 0, 0, 0, 7, 0, 60, 100, 0, 0xFF, 0x2F, 0],
        "zero-tracks.mid": [0x4D, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 1, 0, 0, 0, 96],
        "division-zero.mid": [0x4D, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 0, 0, 1, 0, 0,
                              0x4D, 0x54, 0x72, 0x6B, 0, 0, 0, 4, 0, 0xFF, 0x2F, 0],
        "text.mid": Array("this is not a MIDI file\n".utf8),
        "garbage.abc": [0x58, 0x3A, 0x31, 0x0A, 0x00, 0xFF, 0xFE, 0x01, 0x02, 0x0A],
        "tuplet.abc": Array("X:1\nT:t\nM:4/4\nL:1/8\nK:G\n(3GA|\n".utf8),
        "chord.abc": Array("X:1\nT:t\nM:4/4\nL:1/8\nK:G\n[GBd GABc|\n".utf8),
        "quote.abc": Array("X:1\nT:t\nM:4/4\nL:1/8\nK:G\n\"Am GABc|\n".utf8),
        "mode.abc": Array("X:1\nT:t\nM:4/4\nL:1/8\nK:Gxyz\nGABc|\n".utf8),
        "meter.abc": Array("X:1\nT:t\nM:0/4\nL:1/8\nK:G\nGABc|\n".utf8),
        "length.abc": Array("X:1\nT:t\nM:4/4\nL:1/8\nK:G\nG/0ABc|\n".utf8),
        "weights.safetensors": Array("not safetensors at all".utf8),
        "truncated.safetensors": [0x40, 0, 0, 0, 0, 0, 0, 0] + Array("{\"a\":".utf8),
        "notes.sf2": Array("RIFF....not a soundfont".utf8),
    ]

    static let cases: [Case] = [
        // Generation options.
        Case(name: "bars 0", arguments: ["--bars", "0"], status: 64, mentions: ["bars"]),
        Case(name: "bars -1", arguments: ["--bars", "-1"], status: 64, mentions: ["bars"]),
        Case(name: "bars 100000", arguments: ["--bars", "100000"], status: 64, mentions: ["bars"]),
        Case(name: "bars not a number", arguments: ["--bars", "many"], status: 64),
        Case(name: "unknown style", arguments: ["--style", "bebop"], status: 64, mentions: ["bebop"]),
        Case(name: "style typo gets did-you-mean", arguments: ["--style", "rele"], status: 64, mentions: ["reel"]),
        Case(name: "bad key letter", arguments: ["--key", "H"], status: 64, mentions: ["H"]),
        Case(name: "bad key mode", arguments: ["--key", "Gblues"], status: 64),
        Case(name: "meter 0/4", arguments: ["--meter", "0/4"], status: 64),
        Case(name: "meter 4/3", arguments: ["--meter", "4/3"], status: 64),
        Case(name: "meter the style does not allow", arguments: ["--style", "jig", "--meter", "3/4"], status: 64),
        Case(name: "temperature 0", arguments: ["--temperature", "0"], status: 64, mentions: ["temperature"]),
        Case(name: "temperature negative", arguments: ["--temperature", "-1"], status: 64, mentions: ["temperature"]),
        Case(name: "top-k negative", arguments: ["--top-k", "-3"], status: 64),
        Case(name: "top-p 0", arguments: ["--top-p", "0"], status: 64),
        Case(name: "top-p above 1", arguments: ["--top-p", "1.5"], status: 64),
        Case(name: "tempo 0", arguments: ["--tempo", "0"], status: 64),
        Case(name: "instrument program 200", arguments: ["--instrument", "200"], status: 64),
        Case(name: "unknown instrument", arguments: ["--instrument", "kazooxyz"], status: 64),
        Case(name: "empty form", arguments: ["--form", ""], status: 64),
        Case(name: "form with digits", arguments: ["--form", "A1B2"], status: 64),
        Case(name: "unknown option", arguments: ["--colour", "blue"], status: 64),
        Case(name: "unknown output extension", arguments: ["-o", "$DIR/out.xyz"], status: 64, mentions: ["xyz"]),
        Case(name: "unwritable output folder", arguments: ["-o", "$DIR/missing/out.mid"], status: 1, mentions: ["out.mid"]),
        // Motifs.
        Case(name: "missing motif file", arguments: ["--motif", "$DIR/nope.abc", "-o", "$DIR/out.mid"], status: 1, mentions: ["nope.abc"]),
        Case(name: "binary garbage motif", arguments: ["--motif", "$DIR/garbage.abc", "-o", "$DIR/out.mid"], status: 0),
        Case(name: "motif longer than the tune", arguments: ["--bars", "1", "--style", "reel", "--motif-text", "GABc dBAG|GABc dBAG|", "-o", "$DIR/out.mid"], status: 0),
        Case(name: "motif that does not fit the meter", arguments: ["--style", "jig", "--motif-text", "GAB|", "-o", "$DIR/out.mid"], status: 0),
        Case(name: "motif text that is not ABC", arguments: ["--motif-text", "[[[((", "-o", "$DIR/out.mid"], status: 0),
        // Weights.
        Case(name: "weights that are not safetensors", arguments: ["--weights", "$DIR/weights.safetensors", "-o", "$DIR/out.mid"], status: 1, mentions: ["weights.safetensors"]),
        Case(name: "truncated weights", arguments: ["--weights", "$DIR/truncated.safetensors", "-o", "$DIR/out.mid"], status: 1),
        Case(name: "missing weights", arguments: ["--weights", "$DIR/none.safetensors", "-o", "$DIR/out.mid"], status: 1),
        Case(name: "eval with corrupt weights", arguments: ["eval", "--model", "lstm", "--weights", "$DIR/weights.safetensors"], status: 1),
        // SoundFonts and rendering.
        Case(name: "missing SoundFont", arguments: ["render", "$DIR/ok.mid", "--soundfont", "$DIR/none.sf2", "-o", "$DIR/out.wav"], status: 1, mentions: ["none.sf2"]),
        Case(name: "SoundFont that is not one", arguments: ["render", "$DIR/ok.mid", "--soundfont", "$DIR/notes.sf2", "-o", "$DIR/out.wav"], status: 1),
        Case(name: "bad TUNESMITH_SOUNDFONT", arguments: ["render", "$DIR/ok.mid", "-o", "$DIR/out.wav"], status: 1, environment: ["TUNESMITH_SOUNDFONT": "/nonexistent/x.sf2"]),
        Case(name: "render a missing MIDI file", arguments: ["render", "$DIR/none.mid", "-o", "$DIR/out.wav"], status: 1, mentions: ["none.mid"]),
        Case(name: "render a text file", arguments: ["render", "$DIR/text.mid", "-o", "$DIR/out.wav"], status: 1),
        Case(name: "render to an unknown format", arguments: ["render", "$DIR/ok.mid", "-o", "$DIR/out.xyz"], status: 64),
        // Truncated and corrupt MIDI.
        Case(name: "empty MIDI", arguments: ["inspect", "$DIR/empty.mid"], status: 1),
        Case(name: "MThd only", arguments: ["inspect", "$DIR/mthd-only.mid"], status: 1, mentions: ["byte"]),
        Case(name: "wrong header length", arguments: ["inspect", "$DIR/header-length.mid"], status: 1, mentions: ["byte"]),
        Case(name: "VLQ over 4 bytes", arguments: ["inspect", "$DIR/vlq.mid"], status: 1, mentions: ["byte", "track"]),
        Case(name: "track longer than the file", arguments: ["inspect", "$DIR/track-length.mid"], status: 1, mentions: ["byte"]),
        Case(name: "running status with no status", arguments: ["inspect", "$DIR/running-status.mid"], status: 1, mentions: ["byte", "track"]),
        Case(name: "zero tracks", arguments: ["inspect", "$DIR/zero-tracks.mid"], status: 1, mentions: ["byte"]),
        Case(name: "division 0", arguments: ["inspect", "$DIR/division-zero.mid"], status: 1, mentions: ["byte"]),
        Case(name: "convert a text file named .mid", arguments: ["convert", "$DIR/text.mid", "-o", "$DIR/out.abc"], status: 1),
        // Corrupt ABC.
        Case(name: "ABC binary garbage", arguments: ["inspect", "$DIR/garbage.abc"], status: 1),
        Case(name: "unterminated tuplet", arguments: ["convert", "$DIR/tuplet.abc", "-o", "$DIR/out.mid"], status: 1, mentions: [":"]),
        Case(name: "unterminated chord", arguments: ["convert", "$DIR/chord.abc", "-o", "$DIR/out.mid"], status: 1, mentions: [":"]),
        Case(name: "unterminated quote", arguments: ["convert", "$DIR/quote.abc", "-o", "$DIR/out.mid"], status: 1, mentions: [":"]),
        Case(name: "unknown mode", arguments: ["convert", "$DIR/mode.abc", "-o", "$DIR/out.mid"], status: 1, mentions: ["xyz"]),
        Case(name: "meter 0/4 in ABC", arguments: ["convert", "$DIR/meter.abc", "-o", "$DIR/out.mid"], status: 1),
        Case(name: "length /0 in ABC", arguments: ["convert", "$DIR/length.abc", "-o", "$DIR/out.mid"], status: 1),
        // Other commands.
        Case(name: "eval a missing tunebook", arguments: ["eval", "--model", "ngram", "--abc", "$DIR/none.abc"], status: 1, mentions: ["none.abc"]),
        Case(name: "train with 0 steps", arguments: ["train", "--steps", "0"], status: 64),
        Case(name: "corpus stats of a missing folder", arguments: ["corpus", "stats", "--corpus", "$DIR/none"], status: 1),
        Case(name: "harmonize a missing tune", arguments: ["harmonize", "$DIR/none.abc", "-o", "$DIR/out.abc"], status: 1),
    ]

    @Test(arguments: cases)
    func failsCleanly(_ c: Case) throws {
        let dir = try ComposeRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (name, bytes) in Self.files { try Data(bytes).write(to: URL(fileURLWithPath: dir + "/" + name)) }
        // A valid short MIDI file for the render cases.
        let ok = try ComposeRunner.run(["convert", ComposeRunner.repository + "/Examples/motif.abc", "-o", dir + "/ok.mid"])
        try #require(ok.status == 0)
        let arguments = c.arguments.map { $0.replacingOccurrences(of: "$DIR", with: dir) }
        let r = try ComposeRunner.run(arguments, environment: c.environment)
        if c.status == 0 {
            #expect(r.status == 1 || r.status == 64, "\(c.name): status \(r.status), stderr: \(r.stderr)")
        } else {
            #expect(r.status == c.status, "\(c.name): status \(r.status), stderr: \(r.stderr)")
        }
        #expect(r.stderrLines.count == 1, "\(c.name): stderr should be one line: \(r.stderr)")
        #expect(r.stderr.hasPrefix("compose: "), "\(c.name): \(r.stderr)")
        for m in c.mentions { #expect(r.stderr.contains(m), "\(c.name): '\(m)' missing from \(r.stderr)") }
        #expect(r.stdout.isEmpty, "\(c.name): wrote to stdout")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasPrefix("out") || $0.hasPrefix(".out") }
        #expect(left.isEmpty, "\(c.name): left \(left)")
    }

    @Test func theSuiteCoversAtLeastFiftyCases() {
        #expect(Self.cases.count >= 50)
        #expect(Set(Self.cases.map(\.name)).count == Self.cases.count)
    }
}
