/// The finishing steps applied to a raw FluidSynth render: trim the tail, fade, normalise.
extension AudioBuffer {
    /// Cuts the buffer after the last frame at or above `floor` (linear amplitude) plus `fadeFrames`,
    /// never before `minimumFrames`, and fades the last `fadeFrames` frames out linearly to zero.
    ///
    /// `minimumFrames` keeps a song's own closing rest: the cut never falls inside the song.
    public mutating func trimTail(below floor: Float, keepingAtLeast minimumFrames: Int, fadeFrames: Int) {
        let lastLoud = lastFrame(reaching: floor).map { $0 + 1 } ?? 0
        let end = min(frameCount, max(minimumFrames, lastLoud + fadeFrames))
        samples.removeSubrange((end * channels)...)
        let fade = min(fadeFrames, end)
        guard fade > 0 else { return }
        for offset in 0..<fade {
            // Gain falls from just under 1 at the fade's first frame to 0 past its last.
            let gain = Float(fade - offset - 1) / Float(fade)
            let frame = end - fade + offset
            for channel in 0..<channels { samples[frame * channels + channel] *= gain }
        }
    }

    /// Scales every sample so the peak sits at `decibels` dBFS (≤ 0, so nothing clips).
    /// A silent buffer is left as it is. Returns the linear gain applied.
    @discardableResult
    public mutating func normalize(peakDecibels decibels: Double) -> Float {
        precondition(decibels <= 0, "a peak above 0 dBFS would clip")
        let current = peak
        guard current > 0 else { return 1 }
        let gain = Float(Self.amplitude(decibels: decibels) / Double(current))
        samples.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices { buffer[index] *= gain }
        }
        return gain
    }
}
