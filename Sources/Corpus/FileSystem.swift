#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations the corpus needs, without Foundation.
enum FileSystem {
    /// The bytes of a file, or an error naming it.
    static func read(_ path: String) throws(CorpusError) -> [UInt8] {
        guard let f = fopen(path, "rb") else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress!, 1, $0.count, f) }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        if ferror(f) != 0 { throw .unreadable(path: path, reason: "read error") }
        return bytes
    }

    /// The names in a folder, sorted bytewise.
    static func list(_ folder: String) throws(CorpusError) -> [String] {
        guard let dir = opendir(folder) else { throw .unreadable(path: folder, reason: String(cString: strerror(errno))) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    /// Writes a file atomically (temporary name in the same folder, then rename).
    static func write(_ bytes: [UInt8], to path: String) throws(CorpusError) {
        let temp = path + ".tmp-\(getpid())"
        guard let f = fopen(temp, "wb") else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
        let closed = fclose(f)
        guard written == bytes.count, closed == 0, rename(temp, path) == 0 else {
            unlink(temp)
            throw .unreadable(path: path, reason: "could not write the whole file")
        }
    }

    /// True when the path exists.
    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
}
