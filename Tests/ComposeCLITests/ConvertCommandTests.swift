import ABCNotation
import Foundation
import MIDIFile
import Testing
@testable import ComposeCLI

@Suite struct ConvertCommandTests {
    let kesh = ComposeRunner.repository + "/Examples/tunes/the-kesh.abc"

    @Test func abcToMidiToAbcKeepsTheNotes() throws {
        let dir = try ComposeRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try ComposeRunner.run(["convert", kesh, "-o", dir + "/k.mid"]).status == 0)
        let midi = try MIDIFile(contentsOfFile: dir + "/k.mid")
        let original = try #require(try ABCTunebook(contentsOf: kesh).tunes.first).playedNotes()
        let fromMIDI = try midi.score().parts.flatMap { $0.voices.flatMap(\.notes) }
        #expect(fromMIDI.map(\.pitch) == original.map(\.pitch))
        #expect(fromMIDI.map(\.onset) == original.map(\.onset))

        #expect(try ComposeRunner.run(["convert", dir + "/k.mid", "-o", dir + "/k.abc"]).status == 0)
        let back = try #require(try ABCTunebook(contentsOf: dir + "/k.abc").tunes.first).playedNotes()
        #expect(back.map(\.pitch) == original.map(\.pitch))
        #expect(back.map(\.onset) == original.map(\.onset))
        #expect(back.map(\.duration) == original.map(\.duration))
    }

    @Test func stdoutGetsTheBytesWhenNotATerminal() throws {
        let r = try ComposeRunner.run(["convert", kesh])
        #expect(r.status == 0)
        #expect(r.stdout.starts(with: Data("MThd".utf8)))
        #expect(try MIDIFile(bytes: Array(r.stdout)).tracks.count >= 2)
    }

    @Test func binaryOutputToATerminalIsRefusedWithAHint() throws {
        // `script` gives the child a pseudo-terminal as stdout.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        p.arguments = ["-qec", "\(ComposeRunner.compose) convert \(kesh)", "/dev/null"]
        let out = Pipe()
        p.standardOutput = out
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 64)
        #expect(text.contains("refusing to write binary data to a terminal") && text.contains("-o song.mid"))
        #expect(!text.contains("MThd"))
    }

    @Test func failuresKeepExistingFilesAndLeaveNoTemporaries() throws {
        let dir = try ComposeRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/out.mid"
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: target))
        try Data([0x4D, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 1]).write(to: URL(fileURLWithPath: dir + "/truncated.mid"))
        let r = try ComposeRunner.run(["convert", dir + "/truncated.mid", "-o", target])
        #expect(r.status == 1)
        #expect(r.stderrLines.count == 1 && r.stderr.hasPrefix("compose: ") && r.stderr.contains("truncated.mid"))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["out.mid", "truncated.mid"])
    }

    @Test(arguments: [
        (["convert"], 64),
        (["convert", "/nonexistent/x.abc", "-o", "/tmp/x.mid"], 1),
        (["convert", "Examples/tunes/the-kesh.abc", "-o", "/tmp/x.txt"], 64),
        (["convert", "Examples/tunes/the-kesh.abc", "-o", "/nonexistent-dir/x.mid"], 1),
        (["convert", "Examples/tunes/the-kesh.abc", "--tune", "7", "-o", "/tmp/x.mid"], 1),
        (["inspect", "Package.swift"], 1),
        (["inspect", "--bogus", "x"], 64),
        (["frobnicate"], 64),
    ] as [([String], Int32)])
    func badInputGivesOneLineAndTheRightStatus(arguments: [String], status: Int32) throws {
        let r = try ComposeRunner.run(arguments)
        #expect(r.status == status, "\(arguments): \(r.stderr)")
        #expect(r.stderrLines.count == 1, "\(arguments): \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }
}
