import Foundation

/// Audio in memory: interleaved 32-bit float samples (full scale is ±1.0) at a sample rate.
public struct AudioBuffer: Sendable, Hashable {
    /// Interleaved samples: frame `f`, channel `c` is at `samples[f * channels + c]`.
    public var samples: [Float]
    /// Number of channels (2 for everything the renderer makes).
    public let channels: Int
    /// Frames per second.
    public let sampleRate: Int

    /// Creates a buffer; `samples.count` must be a multiple of `channels`.
    public init(samples: [Float], channels: Int, sampleRate: Int) {
        precondition(channels > 0 && samples.count % channels == 0, "samples.count must be a multiple of channels")
        self.samples = samples
        self.channels = channels
        self.sampleRate = sampleRate
    }

    /// Number of frames (one sample per channel each).
    public var frameCount: Int { samples.count / channels }

    /// Length in seconds.
    public var duration: Double { Double(frameCount) / Double(sampleRate) }

    /// Largest absolute sample value over all channels (0 for silence).
    public var peak: Float { samples.withUnsafeBufferPointer { Self.peak(of: $0) } }

    /// Largest absolute value in `samples`, eight lanes at a time (so the loop vectorises).
    static func peak(of samples: UnsafeBufferPointer<Float>) -> Float {
        var lanes = SIMD8<Float>(repeating: 0)
        let whole = samples.count / 8 * 8
        var index = 0
        while index < whole {
            let chunk = UnsafeRawPointer(samples.baseAddress! + index).loadUnaligned(as: SIMD8<Float>.self)
            lanes = pointwiseMax(lanes, chunk.replacing(with: -chunk, where: chunk .< 0))
            index += 8
        }
        var peak = lanes.max()
        while index < samples.count {
            peak = max(peak, abs(samples[index]))
            index += 1
        }
        return peak
    }

    /// Peak level in dBFS (−∞ for silence).
    public var peakDecibels: Double { Self.decibels(Double(peak)) }

    /// Root mean square over all samples of all channels (0 for an empty buffer).
    public var rms: Double {
        guard !samples.isEmpty else { return 0 }
        var sum = 0.0
        for sample in samples { sum += Double(sample) * Double(sample) }
        return (sum / Double(samples.count)).squareRoot()
    }

    /// First frame at which any channel reaches `level` (linear, e.g. 0.01 for −40 dBFS), if any.
    public func firstFrame(reaching level: Float) -> Int? {
        guard let index = samples.firstIndex(where: { abs($0) >= level }) else { return nil }
        return index / channels
    }

    /// Last frame at which any channel reaches `level` (linear), if any.
    public func lastFrame(reaching level: Float) -> Int? {
        guard let index = samples.lastIndex(where: { abs($0) >= level }) else { return nil }
        return index / channels
    }

    /// Converts a linear amplitude to decibels relative to full scale.
    public static func decibels(_ amplitude: Double) -> Double {
        amplitude > 0 ? 20 * log10(amplitude) : -.infinity
    }

    /// Converts decibels relative to full scale to a linear amplitude.
    public static func amplitude(decibels: Double) -> Double { pow(10, decibels / 20) }
}
