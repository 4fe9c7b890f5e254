import Foundation
import Testing

@Suite struct TrainCommandTests {
    static let tiny = ["train", "--model", "lstm", "--seed", "3", "--steps", "30", "--hidden", "16", "--embedding", "8",
                       "--layers", "1", "--dropout", "0", "--batch-size", "4", "--sequence-length", "16", "--warmup", "2",
                       "--checkpoint-every", "5", "--evaluate-every", "30", "--threads", "1"]

    @Test func killedAndResumedGivesTheSameModelAsUninterrupted() throws {
        let dir = try ComposeRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let whole = try ComposeRunner.run(Self.tiny + ["-o", dir + "/whole.safetensors"])
        #expect(whole.status == 0, "\(whole.stderr)")
        let summary = try JSONSerialization.jsonObject(with: whole.stdout) as? [String: Any]
        #expect(summary?["steps"] as? Int == 30)

        // Start the same run, kill it (SIGKILL) as soon as its first checkpoint exists, then resume it.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: ComposeRunner.compose)
        p.arguments = Self.tiny + ["-o", dir + "/killed.safetensors"]
        p.currentDirectoryURL = URL(fileURLWithPath: ComposeRunner.repository)
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let checkpoint = dir + "/killed.safetensors.checkpoint"
        let deadline = Date().addingTimeInterval(120)
        while !FileManager.default.fileExists(atPath: checkpoint) && p.isRunning && Date() < deadline { usleep(2_000) }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        try #require(FileManager.default.fileExists(atPath: checkpoint), "no checkpoint before the run ended")
        #expect(!FileManager.default.fileExists(atPath: dir + "/killed.safetensors"), "a killed run leaves no model file")

        let resumed = try ComposeRunner.run(Self.tiny + ["-o", dir + "/killed.safetensors", "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resumed at step"))
        let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/whole.safetensors"))
        let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/killed.safetensors"))
        #expect(a == b, "the resumed run's model differs from the uninterrupted run's")
    }

    @Test func resumeWithoutACheckpointOrWithOtherOptionsFails() throws {
        let dir = try ComposeRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let none = try ComposeRunner.run(Self.tiny + ["-o", dir + "/m.safetensors", "--resume"])
        #expect(none.status == 1 && none.stderrLines.count == 1 && none.stderr.contains("no checkpoint"))
        #expect(try ComposeRunner.run(Self.tiny + ["-o", dir + "/m.safetensors"]).status == 0)
        var other = Self.tiny
        other[other.firstIndex(of: "--hidden")! + 1] = "12"
        let mismatch = try ComposeRunner.run(other + ["-o", dir + "/m.safetensors", "--resume"])
        #expect(mismatch.status == 1 && mismatch.stderrLines.count == 1 && mismatch.stderr.contains("does not match"))
    }
}
