import CSndFile  // types and constants; the functions come from AudioLibraries
import Foundation

/// An open libsndfile handle, closed on teardown.
final class SoundFile {
    private var handle: OpaquePointer?
    private let sndfile: SndFileFunctions
    /// The path, for error messages.
    let path: String
    /// The file's frame count, sample rate, channel count and format as libsndfile reports them.
    private(set) var info: SF_INFO

    /// Opens `path` for reading.
    init(readingFrom path: String) throws {
        self.path = path
        sndfile = try AudioLibraries.sndFile()
        var info = SF_INFO()
        guard let handle = sndfile.open(path, Int32(SFM_READ), &info) else {
            throw RenderError.audioFileUnreadable(path: path, detail: Self.message(sndfile.errorString(nil)))
        }
        self.handle = handle
        self.info = info
    }

    /// Opens the already-open descriptor `fd` (which this object then owns) for writing `format`.
    init(writingTo fd: Int32, path: String, format: AudioFileFormat, channels: Int, sampleRate: Int) throws {
        self.path = path
        do { sndfile = try AudioLibraries.sndFile() } catch { close(fd); throw error }
        var info = SF_INFO()
        info.samplerate = Int32(sampleRate)
        info.channels = Int32(channels)
        info.format = format.sndfileFormat
        guard sndfile.formatCheck(&info) != 0 else {
            close(fd)
            throw RenderError.sampleFormatUnsupported(
                path: path, format: format.container.description, sampleFormat: format.description)
        }
        guard let handle = sndfile.openDescriptor(fd, Int32(SFM_WRITE), &info, 1) else {
            close(fd)
            throw RenderError.audioFileFailed(path: path, detail: Self.message(sndfile.errorString(nil)))
        }
        self.handle = handle
        self.info = info
        // Saturate instead of wrapping if a sample ever exceeds full scale on conversion to integers.
        _ = sndfile.command(handle, Int32(SFC_SET_CLIPPING), nil, Int32(SF_TRUE))
    }

    deinit {
        if let handle { _ = sndfile.close(handle) }
    }

    /// libsndfile's message for the last error on this file.
    private var lastError: String { Self.message(sndfile.errorString(handle)) }

    /// A C string from libsndfile, or "no reason given" when it returned none.
    private static func message(_ text: UnsafePointer<CChar>?) -> String { text.map { String(cString: $0) } ?? "no reason given" }

    /// Reads every frame as float samples, interleaved.
    func readAll() throws -> [Float] {
        let total = Int(info.frames) * Int(info.channels)
        var samples = [Float](repeating: 0, count: total)
        let read = samples.withUnsafeMutableBufferPointer { sndfile.readFramesFloat(handle, $0.baseAddress, info.frames) }
        guard read == info.frames else {
            throw RenderError.audioFileUnreadable(path: path, detail: "read \(read) of \(info.frames) frames: \(lastError)")
        }
        return samples
    }

    /// Writes all of `samples` (interleaved, `info.channels` per frame).
    func write(_ samples: [Float]) throws {
        let frames = samples.count / Int(info.channels)
        let written = samples.withUnsafeBufferPointer { sndfile.writeFramesFloat(handle, $0.baseAddress, sf_count_t(frames)) }
        guard written == frames else {
            throw RenderError.audioFileFailed(path: path, detail: "wrote \(written) of \(frames) frames: \(lastError)")
        }
    }

    /// Flushes and closes the file, reporting a failure (for example a full disk) as an error.
    func finish() throws {
        guard let handle else { return }
        self.handle = nil
        let status = sndfile.close(handle)
        guard status == 0 else {
            throw RenderError.audioFileFailed(path: path, detail: Self.message(sndfile.errorNumberString(status)))
        }
    }
}
