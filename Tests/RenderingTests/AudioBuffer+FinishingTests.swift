import Testing
@testable import Rendering

@Suite struct AudioBufferFinishingTests {
    /// Mono: 10 frames at 0.5, then 10 frames at 0.0001 (a faint tail), then 10 of silence.
    func loudThenFaint() -> AudioBuffer {
        AudioBuffer(samples: Array(repeating: 0.5, count: 10) + Array(repeating: 0.0001, count: 10)
                        + Array(repeating: 0, count: 10), channels: 1, sampleRate: 100)
    }

    @Test func trimCutsAfterTheLastFrameAboveTheFloorPlusTheFade() {
        var buffer = loudThenFaint()
        buffer.trimTail(below: 0.001, keepingAtLeast: 0, fadeFrames: 4)
        #expect(buffer.frameCount == 14)
    }

    @Test func trimKeepsTheMinimumLength() {
        var buffer = loudThenFaint()
        buffer.trimTail(below: 0.001, keepingAtLeast: 25, fadeFrames: 4)
        #expect(buffer.frameCount == 25)
    }

    @Test func fadeFallsLinearlyToZeroOnEveryChannel() {
        var buffer = AudioBuffer(samples: Array(repeating: 1, count: 8), channels: 2, sampleRate: 100)
        buffer.trimTail(below: 0.5, keepingAtLeast: 0, fadeFrames: 2)
        // 4 frames are all loud, so nothing is cut; the last 2 fade with gains 1/2 and 0.
        #expect(buffer.samples == [1, 1, 1, 1, 0.5, 0.5, 0, 0])
    }

    @Test func normalizePutsThePeakAtTheTarget() {
        var buffer = loudThenFaint()
        let gain = buffer.normalize(peakDecibels: -1)
        #expect(abs(buffer.peakDecibels - -1) < 1e-4)
        #expect(abs(gain - Float(AudioBuffer.amplitude(decibels: -1) / 0.5)) < 1e-6)
    }

    @Test func normalizeLeavesSilenceAlone() {
        var buffer = AudioBuffer(samples: [0, 0, 0], channels: 1, sampleRate: 100)
        #expect(buffer.normalize(peakDecibels: -1) == 1)
        #expect(buffer.samples == [0, 0, 0])
    }
}
