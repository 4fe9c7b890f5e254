#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Whole-file reads and atomic writes with the C library (no Foundation in this module).
enum FileBytes {
    /// The file's bytes, or nil when it cannot be opened.
    static func read(_ path: String) -> [UInt8]? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, 1 << 16, f) }
            if n > 0 { result.append(contentsOf: buffer[0..<n]) }
            if n < 1 << 16 { break }
        }
        return ferror(f) == 0 ? result : nil
    }
}

extension FileBytes {
    /// Writes bytes to `path.tmp-<pid>` in the same folder, then renames it over `path`, so a reader
    /// never sees a half-written file and an old file is not lost on failure.
    static func writeAtomically(_ bytes: [UInt8], to path: String) -> Bool {
        let temp = path + ".tmp-\(getpid())"
        guard let f = fopen(temp, "wb") else { return false }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, bytes.count, f) }
        let closed = fclose(f) == 0
        guard written == bytes.count, closed, rename(temp, path) == 0 else {
            unlink(temp)
            return false
        }
        return true
    }
}
