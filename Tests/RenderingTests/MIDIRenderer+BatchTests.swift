import Foundation
import Testing
@testable import Rendering

@Suite struct MIDIRendererBatchTests {
    @Test func batchReturnsResultsInOrderAndOneFailureDoesNotStopTheOthers() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let midi = folder + "/one.mid"
        try Data(Fixtures.oneNoteAfterHalfSecond).write(to: URL(fileURLWithPath: midi))
        let jobs = [
            RenderJob(input: midi, output: folder + "/a.wav", format: try AudioFileFormat(path: "a.wav")),
            RenderJob(input: folder + "/missing.mid", output: folder + "/b.wav", format: try AudioFileFormat(path: "b.wav")),
            RenderJob(input: midi, output: folder + "/c.wav", format: try AudioFileFormat(path: "c.wav")),
        ]
        let results = try Fixtures.renderer().render(jobs, concurrency: 2)
        #expect(results.count == 3)
        #expect((try? results[0].get())?.job == jobs[0])
        #expect(throws: RenderError.midiFileUnreadable(path: folder + "/missing.mid")) { try results[1].get() }
        #expect((try? results[2].get())?.job == jobs[2])
        // Rendered at the same time on two threads, the two outputs hold identical audio.
        let a = try AudioBuffer(contentsOf: folder + "/a.wav")
        let c = try AudioBuffer(contentsOf: folder + "/c.wav")
        let maxDifference = zip(a.samples, c.samples).map { abs($0 - $1) }.max() ?? 1
        #expect(a.frameCount == c.frameCount)
        #expect(maxDifference == 0)
        #expect(!FileManager.default.fileExists(atPath: folder + "/b.wav"))
    }
}
