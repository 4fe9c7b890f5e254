import Foundation

/// Reading and writing audio files through libsndfile.
extension AudioBuffer {
    /// Reads a WAV, FLAC or Ogg Vorbis file (anything libsndfile reads) into float samples.
    public init(contentsOf path: String) throws {
        let file = try SoundFile(readingFrom: path)
        let samples = try file.readAll()
        self.init(samples: samples, channels: Int(file.info.channels), sampleRate: Int(file.info.samplerate))
    }

    /// Writes the buffer to `path` in `format`, atomically: the samples go to a temporary file in the
    /// same folder, which is renamed over `path` only once complete. On failure nothing is left behind
    /// and an existing file at `path` is untouched.
    public func write(to path: String, format: AudioFileFormat) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var template = Array("\(folder)/.\(url.lastPathComponent).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw RenderError.outputFolderUnwritable(path: folder, detail: String(cString: strerror(errno)))
        }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        do {
            // mkstemp makes the file 0600; give it the mode a plain create would (0666 less the umask).
            fchmod(fd, mode_t(0o666) & ~FileCreationMask.current)
            let file = try SoundFile(writingTo: fd, path: path, format: format, channels: channels, sampleRate: sampleRate)
            try file.write(samples)
            try file.finish()
            guard rename(temporary, path) == 0 else {
                throw RenderError.audioFileFailed(path: path, detail: "rename from \(temporary): \(String(cString: strerror(errno)))")
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}

/// The process's file-creation mask, read once (reading it means setting it, so it is done only once).
enum FileCreationMask {
    static let current: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()
}
