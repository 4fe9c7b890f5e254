#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file opened for reading with `pread`, so byte ranges go straight into the caller's storage
/// (no intermediate copy of the whole file). Errors name the path and the system's reason.
struct ReadOnlyFile {
    /// The path, for errors.
    let path: String
    /// The file's length in bytes when it was opened.
    let size: Int
    private let descriptor: Int32

    /// Opens `path` and reads its length; a folder or an unreadable path is an error.
    init(path: String) throws(NeuralCoreError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: path, reason: "cannot read the file: \(String(cString: strerror(errno)))") }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = Glibc.close(fd)
            throw .io(path: path, reason: "cannot read the file: \(reason)")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            _ = Glibc.close(fd)
            throw .io(path: path, reason: "not a regular file")
        }
        self.path = path
        self.size = Int(info.st_size)
        self.descriptor = fd
    }

    /// Closes the file.
    func close() { _ = Glibc.close(descriptor) }

    /// The bytes of `range` as an array.
    func read(_ range: Range<Int>) throws(NeuralCoreError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: range.count)
        var failure: NeuralCoreError?
        bytes.withUnsafeMutableBytes { buffer in
            do throws(NeuralCoreError) { try read(range, into: buffer) } catch { failure = error }
        }
        if let failure { throw failure }
        return bytes
    }

    /// Reads exactly the bytes of `range` into `buffer` (which holds `range.count` bytes).
    func read(_ range: Range<Int>, into buffer: UnsafeMutableRawBufferPointer) throws(NeuralCoreError) {
        precondition(buffer.count >= range.count, "buffer of \(buffer.count) bytes for \(range.count)")
        var done = 0
        while done < range.count {
            let got = pread(descriptor, buffer.baseAddress! + done, range.count - done, off_t(range.lowerBound + done))
            if got < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, reason: "cannot read bytes \(range.lowerBound + done)..<\(range.upperBound): \(String(cString: strerror(errno)))")
            }
            if got == 0 {
                throw .truncated(path: path, byteOffset: range.lowerBound + done, needed: range.count - done, fileSize: size)
            }
            done += got
        }
    }
}
