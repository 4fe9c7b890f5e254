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
