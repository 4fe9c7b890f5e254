#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command's data goes: standard output, or a file written atomically.
enum OutputDestination: Sendable, Equatable {
    case standardOutput
    case file(String)

    /// `-o PATH` when given (and not `-`), else standard output.
    init(path: String?) {
        if let path, path != "-" { self = .file(path) } else { self = .standardOutput }
    }

    /// The file extension in lower case (`mid`, `abc`, `wav`), or nil for stdout or no extension.
    var fileExtension: String? {
        guard case .file(let path) = self else { return nil }
        let name = path.split(separator: "/").last ?? Substring(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return name[name.index(after: dot)...].lowercased()
    }

    /// Writes the bytes. Binary data is refused on a terminal with a hint; a file is written to a temporary
    /// name in the same folder and renamed into place, so an existing file is never left half-written.
    func write(_ bytes: [UInt8], binary: Bool, hint: String) throws(CLIError) {
        switch self {
        case .standardOutput:
            if binary && Console.stdoutIsTerminal {
                throw .usage("refusing to write binary data to a terminal; \(hint)")
            }
            Console.writeAll(1, bytes)
        case .file(let path):
            try AtomicFile.write(bytes, to: path)
        }
    }
}

/// Writing a file so that it appears only when complete: temp file in the same folder, then rename.
enum AtomicFile {
    /// Writes `bytes` to `path` atomically; errors name the path and the system's reason.
    static func write(_ bytes: [UInt8], to path: String) throws(CLIError) {
        let temp = temporaryPath(for: path)
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .failure("cannot write '\(path)': \(systemError())") }
        var failed: String?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; failed = systemError(); return }
                offset += n
            }
        }
        if failed == nil && fsync(fd) != 0 { failed = systemError() }
        close(fd)
        if let failed {
            unlink(temp)
            throw .failure("cannot write '\(path)': \(failed)")
        }
        guard rename(temp, path) == 0 else {
            let reason = systemError()
            unlink(temp)
            throw .failure("cannot write '\(path)': \(reason)")
        }
    }

    /// A hidden temporary name beside `path`, unique to this process.
    static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(folder).\(name).tmp-\(getpid())"
    }

    static func systemError() -> String { String(cString: strerror(errno)) }
}

/// Reading a whole input file, with errors that name the path.
enum InputFile {
    /// The file's bytes; a missing or unreadable file is a failure naming the path.
    static func read(_ path: String) throws(CLIError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .failure("cannot read '\(path)': \(AtomicFile.systemError())") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .failure("cannot read '\(path)': \(AtomicFile.systemError())") }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw .failure("cannot read '\(path)': it is a directory") }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(st.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw .failure("cannot read '\(path)': \(AtomicFile.systemError())") }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }
}
