import Foundation
import Testing
@testable import Rendering

@Suite struct RenderJobPlanTests {
    @Test func oneInputToAFileTakesTheFormatFromTheExtension() throws {
        let jobs = try RenderJob.plan(inputs: ["a.mid"], output: "out.flac", sampleFormat: .int24)
        #expect(jobs == [RenderJob(input: "a.mid", output: "out.flac", format: try AudioFileFormat(path: "x.flac", sampleFormat: .int24))])
    }

    @Test func severalInputsToAFolderKeepTheirNames() throws {
        let jobs = try RenderJob.plan(inputs: ["x/a.mid", "b.midi"], output: "out/", container: .ogg)
        #expect(jobs.map(\.output) == ["out/a.ogg", "out/b.ogg"])
        #expect(jobs.allSatisfy { $0.format.container == .ogg })
    }

    @Test func folderOutputDefaultsToWAV() throws {
        #expect(try RenderJob.plan(inputs: ["a.mid"], output: "out/").map(\.output) == ["out/a.wav"])
    }

    @Test func existingDirectoryWithoutSlashIsAFolder() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try RenderJob.plan(inputs: ["a.mid"], output: folder).map(\.output) == ["\(folder)/a.wav"])
    }

    @Test func severalInputsToAFileAreRefused() {
        #expect(throws: RenderError.invalidOption(name: "-o", value: "x.wav", expected: "a folder ending in / when rendering 2 files")) {
            try RenderJob.plan(inputs: ["a.mid", "b.mid"], output: "x.wav")
        }
    }

    @Test func inputsThatWouldWriteTheSameFileAreRefused() {
        #expect(throws: RenderError.self) { try RenderJob.plan(inputs: ["x/a.mid", "y/a.mid"], output: "out/") }
    }

    @Test func formatOptionWithAFileOutputIsRefused() {
        #expect(throws: RenderError.self) { try RenderJob.plan(inputs: ["a.mid"], output: "a.wav", container: .flac) }
    }
}
