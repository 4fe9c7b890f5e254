import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finds and reads the Engine module's resources (keys.tsv, novelty.bin) cheaply at start-up.
///
/// Fast path: `Tunesmith_Engine.resources/NAME` beside the running executable (where SwiftPM puts a
/// command's resource bundle), found with `readlink(/proc/self/exe)` and read with plain system calls;
/// otherwise Foundation's `Bundle.module` (test bundles, other layouts).
enum EngineResources {
    static let bundleName = "Tunesmith_Engine.resources"

    /// The resource's path, or an error naming it.
    static func path(_ name: String, _ ext: String) throws(EngineError) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if n > 0 {
            let exe = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if let slash = exe.lastIndex(of: "/") {
                let candidate = String(exe[..<slash]) + "/\(bundleName)/\(name).\(ext)"
                if access(candidate, R_OK) == 0 { return candidate }
            }
        }
        guard let url = Bundle.module.url(forResource: name, withExtension: ext) else {
            throw .resource(name: "\(name).\(ext)", reason: "not found in the Engine module's resources")
        }
        return url.path
    }

    /// The whole file's bytes.
    static func read(_ path: String) throws(EngineError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .resource(name: path, reason: "cannot open it: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 14)
        while true {
            let got = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if got < 0 { if errno == EINTR { continue }; throw .resource(name: path, reason: String(cString: strerror(errno))) }
            if got == 0 { break }
            bytes.append(contentsOf: chunk[0..<got])
        }
        return bytes
    }
}
