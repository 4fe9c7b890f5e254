/// Settings for one render. The finishing levels are fixed by design; sample rate and gain are the user's.
public struct RenderOptions: Sendable, Hashable {
    /// Peak level every render is normalised to before `gainDecibels`, in dBFS.
    public static let peakDecibels = -1.0
    /// The tail is cut where it falls below this level (dBFS, measured on the normalised signal).
    public static let tailFloorDecibels = -60.0
    /// Sample rates FluidSynth accepts.
    public static let sampleRates = 8_000...96_000
    /// Gains that keep the peak at or below 0 dBFS and above the tail floor.
    public static let gains = -40.0...1.0

    /// Output frames per second.
    public var sampleRate: Int
    /// Level change applied after normalisation, in dB: 0 leaves the peak at −1 dBFS, +1 puts it at 0 dBFS.
    public var gainDecibels: Double
    /// Length of the fade-out at the end of the file, in seconds.
    public var fadeSeconds: Double
    /// At most this much audio is kept after the song's last event, in seconds (bounds hanging notes).
    public var maximumTailSeconds: Double

    /// Options with CD sample rate, no extra gain, a 50 ms fade and at most 10 s of tail.
    public init(sampleRate: Int = 44_100, gainDecibels: Double = 0, fadeSeconds: Double = 0.05, maximumTailSeconds: Double = 10) {
        self.sampleRate = sampleRate
        self.gainDecibels = gainDecibels
        self.fadeSeconds = fadeSeconds
        self.maximumTailSeconds = maximumTailSeconds
    }

    /// Checks every option's range, naming the command-line option in the error.
    public func validate() throws {
        guard Self.sampleRates.contains(sampleRate) else {
            throw RenderError.invalidOption(name: "--sample-rate", value: "\(sampleRate)",
                                            expected: "a rate in Hz from 8000 to 96000, such as 44100 or 48000")
        }
        guard Self.gains.contains(gainDecibels) else {
            throw RenderError.invalidOption(name: "--gain", value: "\(gainDecibels)",
                                            expected: "decibels from -40 to 1 (0 leaves the peak at -1 dBFS; above 1 would clip)")
        }
        guard fadeSeconds >= 0, fadeSeconds <= 1 else {
            throw RenderError.invalidOption(name: "fadeSeconds", value: "\(fadeSeconds)", expected: "0 to 1 seconds")
        }
        guard maximumTailSeconds >= 0, maximumTailSeconds <= 60 else {
            throw RenderError.invalidOption(name: "maximumTailSeconds", value: "\(maximumTailSeconds)", expected: "0 to 60 seconds")
        }
    }
}
