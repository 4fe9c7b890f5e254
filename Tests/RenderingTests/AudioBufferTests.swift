import Testing
@testable import Rendering

@Suite struct AudioBufferTests {
    @Test func peakIsTheLargestMagnitudeOnAnyChannel() {
        let buffer = AudioBuffer(samples: [0.1, -0.5, 0.25, 0.3], channels: 2, sampleRate: 10)
        #expect(buffer.peak == 0.5)
        #expect(abs(buffer.peakDecibels - -6.0206) < 0.001)
    }

    @Test func rmsOfAFullScaleSquareWaveIsOne() {
        let buffer = AudioBuffer(samples: [1, -1, 1, -1, -1, 1], channels: 2, sampleRate: 10)
        #expect(buffer.rms == 1)
    }

    @Test func silenceHasNoPeakAndMinusInfinityDecibels() {
        let buffer = AudioBuffer(samples: [0, 0], channels: 2, sampleRate: 10)
        #expect(buffer.peak == 0)
        #expect(buffer.peakDecibels == -.infinity)
        #expect(AudioBuffer(samples: [], channels: 2, sampleRate: 10).rms == 0)
    }

    @Test func frameSearchesReportFramesNotSampleIndices() {
        // Frames: (0, 0), (0, 0.5), (0.2, 0), (0, 0)
        let buffer = AudioBuffer(samples: [0, 0, 0, 0.5, 0.2, 0, 0, 0], channels: 2, sampleRate: 10)
        #expect(buffer.firstFrame(reaching: 0.1) == 1)
        #expect(buffer.lastFrame(reaching: 0.1) == 2)
        #expect(buffer.firstFrame(reaching: 0.9) == nil)
        #expect(buffer.frameCount == 4)
        #expect(buffer.duration == 0.4)
    }

    @Test func decibelConversionsAreInverse() {
        for decibels in [-60.0, -6, -1, 0] {
            #expect(abs(AudioBuffer.decibels(AudioBuffer.amplitude(decibels: decibels)) - decibels) < 1e-9)
        }
    }
}
