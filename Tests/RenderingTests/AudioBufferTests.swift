import Testing
@testable import Rendering

@Suite struct AudioBufferTests {
    @Test func peakIsTheLargestMagnitudeOnAnyChannel() {
        let buffer = AudioBuffer(samples: [0.1, -0.5, 0.25, 0.3], channels: 2, sampleRate: 10)
        #expect(buffer.peak == 0.5)
        #expect(abs(buffer.peakDecibels - -6.0206) < 0.001)
    }

    @Test(arguments: [0, 7, 517, 1000, 1002])
    func peakFindsTheLargestMagnitudeAtAnyPosition(position: Int) {
        // 1003 samples (125 eight-lane chunks plus 3 left over) of ±0.25, with −0.75 at `position`.
        var samples = (0..<1003).map { Float($0 % 2 == 0 ? 0.25 : -0.25) }
        samples[position] = -0.75
        let buffer = AudioBuffer(samples: samples, channels: 1, sampleRate: 10)
        #expect(buffer.peak == 0.75)
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
