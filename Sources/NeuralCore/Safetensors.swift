import Foundation

/// A safetensors file: the format PyTorch's `safetensors` library writes.
///
/// Layout: an 8-byte little-endian header length N, then N bytes of JSON mapping each tensor name
/// to `{"dtype", "shape", "data_offsets": [begin, end]}` (offsets relative to the data section,
/// which starts at byte 8 + N) plus an optional `"__metadata__"` map of strings to strings, then
/// the raw little-endian tensor data.
///
/// Read from a path, only the header is read up front; each tensor's bytes are read straight from
/// the file into its storage when asked for, so loading a model never holds the file's bytes and
/// the tensors at once (peak memory ≈ the tensors).
public struct SafetensorsFile: Sendable {
    /// One tensor's header entry.
    public struct Entry: Sendable, Equatable {
        /// The dtype as the header spells it ("F32", "I64", ...).
        public var dtype: String
        /// The tensor's shape.
        public var shape: [Int]
        /// Where its bytes lie, as absolute byte offsets in the file.
        public var byteRange: Range<Int>
    }

    /// Where the tensor data comes from.
    private enum Source: Sendable {
        /// The whole file in memory.
        case memory([UInt8])
        /// The file at `path`, read on demand; `size` is its length when the header was read.
        case file(size: Int)
    }

    /// Bytes per element of each dtype the format defines.
    static let dtypeSizes: [String: Int] = ["F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4,
                                            "I16": 2, "I8": 1, "U8": 1, "BOOL": 1, "U16": 2, "U32": 4, "U64": 8]

    /// The path the file was read from (or a label for in-memory data), used in errors.
    public var path: String
    /// The `__metadata__` map (empty when absent).
    public var metadata: [String: String]
    /// Every tensor's header entry by name.
    public var entries: [String: Entry]
    /// The largest dimension of any tensor in the file (0 without tensors): a bound for any model size a
    /// file's metadata may claim, since every size is some tensor's dimension.
    public var largestDimension: Int { entries.values.lazy.flatMap(\.shape).max() ?? 0 }
    private var source: Source

    /// Reads and validates the header of the file at `path`; tensors are read when asked for.
    public init(contentsOf path: String) throws(NeuralCoreError) {
        let file = try ReadOnlyFile(path: path)
        defer { file.close() }
        let prefix = try file.read(0..<min(8, file.size))
        let headerEnd = try Self.headerEnd(prefix, fileSize: file.size, path: path)
        let header = try file.read(8..<headerEnd)
        try self.init(header: header[...], headerEnd: headerEnd, fileSize: file.size, path: path, source: .file(size: file.size))
    }

    /// Parses and validates safetensors bytes; `path` labels errors.
    public init(bytes: [UInt8], path: String = "<memory>") throws(NeuralCoreError) {
        let headerEnd = try Self.headerEnd(Array(bytes.prefix(8)), fileSize: bytes.count, path: path)
        try self.init(header: bytes[8..<headerEnd], headerEnd: headerEnd, fileSize: bytes.count, path: path, source: .memory(bytes))
    }

    /// Checks the 8-byte length prefix and returns where the header ends (byte 8 + N).
    private static func headerEnd(_ prefix: [UInt8], fileSize: Int, path: String) throws(NeuralCoreError) -> Int {
        guard prefix.count >= 8 else { throw .truncated(path: path, byteOffset: 0, needed: 8 - prefix.count, fileSize: fileSize) }
        var n: UInt64 = 0
        for k in 0..<8 { n |= UInt64(prefix[k]) << (8 * UInt64(k)) }
        guard n <= 100_000_000 else {
            throw .malformedHeader(path: path, byteOffset: 0, reason: "header length \(n) exceeds 100 MB")
        }
        let headerEnd = 8 + Int(n)
        guard headerEnd <= fileSize else {
            throw .truncated(path: path, byteOffset: fileSize, needed: headerEnd - fileSize, fileSize: fileSize)
        }
        return headerEnd
    }

    /// Parses the JSON header (bytes 8..<headerEnd) and checks every entry against the file size.
    private init(header: ArraySlice<UInt8>, headerEnd: Int, fileSize: Int, path: String, source: Source) throws(NeuralCoreError) {
        self.path = path
        self.source = source
        let json: JSONValue
        do {
            json = try JSONValue.parse(header)
        } catch {
            throw .malformedHeader(path: path, byteOffset: 8 + error.offset, reason: error.reason)
        }
        guard case let .object(members) = json else {
            throw .malformedHeader(path: path, byteOffset: 8, reason: "the header is not a JSON object")
        }
        // each entry checked against the data section
        metadata = [:]
        entries = [:]
        for (name, value) in members {
            let bad = { (reason: String) in NeuralCoreError.malformedHeader(path: path, byteOffset: 8, reason: "'\(name)': \(reason)") }
            if name == "__metadata__" {
                guard case let .object(pairs) = value else { throw bad("must be an object of strings") }
                for (key, v) in pairs {
                    guard case let .string(s) = v else { throw bad("value of '\(key)' is not a string") }
                    metadata[key] = s
                }
                continue
            }
            guard case let .object(fields) = value else { throw bad("must be an object") }
            let field = { (key: String) in fields.first { $0.0 == key }?.1 }
            guard case let .string(dtype)? = field("dtype") else { throw bad("missing string 'dtype'") }
            guard let size = Self.dtypeSizes[dtype] else { throw bad("unknown dtype '\(dtype)'") }
            guard case let .array(dims)? = field("shape"), let shape = Self.integers(dims), shape.allSatisfy({ $0 >= 0 }) else {
                throw bad("'shape' must be an array of non-negative integers")
            }
            guard case let .array(offs)? = field("data_offsets"), let o = Self.integers(offs), o.count == 2, 0 <= o[0], o[0] <= o[1] else {
                throw bad("'data_offsets' must be [begin, end] with 0 ≤ begin ≤ end")
            }
            var count = 1
            for d in shape {
                let (product, overflow) = count.multipliedReportingOverflow(by: d)
                guard !overflow, product <= Int.max / 8 else { throw bad("shape \(shape) has too many elements") }
                count = product
            }
            guard o[1] - o[0] == count * size else {
                throw bad("data_offsets span \(o[1] - o[0]) bytes but shape \(shape) of \(dtype) needs \(count * size)")
            }
            let dataSize = fileSize - headerEnd
            guard o[1] <= dataSize else {
                // offsets near Int.max (found by Scripts/fuzz/run.sh safetensors) must not overflow here
                let (start, overflow) = headerEnd.addingReportingOverflow(max(dataSize, o[0]))
                if overflow { throw bad("'data_offsets' \(o) lie beyond any file (its data section is \(dataSize) bytes)") }
                throw .truncated(path: path, byteOffset: start, needed: o[1] - dataSize, fileSize: fileSize)
            }
            entries[name] = Entry(dtype: dtype, shape: shape, byteRange: (headerEnd + o[0])..<(headerEnd + o[1]))
        }
    }

    /// Fills `array` (exactly `range.count` bytes of storage) with the bytes of `range`.
    private func copyBytes<T>(_ range: Range<Int>, into array: inout [T]) throws(NeuralCoreError) {
        var failure: NeuralCoreError?
        array.withUnsafeMutableBytes { destination in
            do throws(NeuralCoreError) { try copyBytes(range, into: destination) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    /// Copies the bytes of `range` into `destination` (exactly `range.count` bytes).
    private func copyBytes(_ range: Range<Int>, into destination: UnsafeMutableRawBufferPointer) throws(NeuralCoreError) {
        switch source {
        case let .memory(bytes):
            bytes.withUnsafeBytes { destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[range])) }
        case let .file(size):
            let file = try ReadOnlyFile(path: path)
            defer { file.close() }
            guard file.size == size else {
                throw .io(path: path, reason: "the file changed while it was being read (\(size) bytes, now \(file.size)); load it again")
            }
            try file.read(range, into: destination)
        }
    }

    private static func integers(_ values: [JSONValue]) -> [Int]? {
        var out: [Int] = []
        for v in values {
            guard case let .number(text) = v, let n = Int(text) else { return nil }
            out.append(n)
        }
        return out
    }

    /// The F32 tensor called `name`; when `shape` is given the stored shape must equal it.
    public func floatTensor(_ name: String, shape expected: [Int]? = nil) throws(NeuralCoreError) -> Tensor {
        guard let e = entries[name] else { throw .missingTensor(name: name, path: path) }
        guard e.dtype == "F32" else { throw .wrongDType(name: name, path: path, expected: "F32", found: e.dtype) }
        if let expected, expected != e.shape {
            throw .wrongShape(name: name, path: path, expected: expected, found: e.shape)
        }
        var data = [Float](repeating: 0, count: e.shape.reduce(1, *))
        try copyBytes(e.byteRange, into: &data)
        #if _endian(big)
        data = data.map { Float(bitPattern: UInt32(littleEndian: $0.bitPattern)) }
        #endif
        return Tensor(shape: e.shape, data: data)
    }

    /// The I64 tensor called `name`, as its shape and integer values.
    public func integerTensor(_ name: String) throws(NeuralCoreError) -> (shape: [Int], values: [Int]) {
        guard let e = entries[name] else { throw .missingTensor(name: name, path: path) }
        guard e.dtype == "I64" else { throw .wrongDType(name: name, path: path, expected: "I64", found: e.dtype) }
        var bytes = [UInt8](repeating: 0, count: e.byteRange.count)
        try copyBytes(e.byteRange, into: &bytes)
        var values: [Int] = []
        for k in stride(from: 0, to: bytes.count, by: 8) {
            var v: UInt64 = 0
            for j in 0..<8 { v |= UInt64(bytes[k + j]) << (8 * UInt64(j)) }
            values.append(Int(Int64(bitPattern: v)))
        }
        return (e.shape, values)
    }

    /// Encodes F32 tensors (in the given order) and a metadata map as safetensors bytes.
    ///
    /// The header lists `__metadata__` first and is padded with spaces to a multiple of 8 bytes,
    /// as the reference implementation does, so the data section stays aligned.
    public static func encode(_ tensors: [(String, Tensor)], metadata: [String: String] = [:]) -> [UInt8] {
        var parts: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.keys.sorted().map { "\($0.jsonQuoted):\(metadata[$0]!.jsonQuoted)" }
            parts.append("\"__metadata__\":{\(pairs.joined(separator: ","))}")
        }
        var offset = 0
        for (name, t) in tensors {
            let end = offset + 4 * t.count
            parts.append("\(name.jsonQuoted):{\"dtype\":\"F32\",\"shape\":[\(t.shape.map(String.init).joined(separator: ","))],"
                         + "\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        var header = Array("{\(parts.joined(separator: ","))}".utf8)
        while header.count % 8 != 0 { header.append(0x20) }
        var out: [UInt8] = []
        out.reserveCapacity(8 + header.count + offset)
        let n = UInt64(header.count)
        for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: n >> (8 * UInt64(k)))) }
        out += header
        for (_, t) in tensors {
            for v in t.data {
                let bits = v.bitPattern.littleEndian
                for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt32(k)))) }
            }
        }
        return out
    }

    /// Writes `encode(tensors, metadata:)` to `path` atomically: a temporary file in the same
    /// folder, then a rename, so an existing file is never left half-written.
    public static func write(_ tensors: [(String, Tensor)], metadata: [String: String] = [:], to path: String) throws(NeuralCoreError) {
        let bytes = encode(tensors, metadata: metadata)
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(bytes).write(to: temp)
        } catch {
            throw .io(path: path, reason: "cannot write \(temp.path): \(error.localizedDescription)")
        }
        guard rename(temp.path, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temp)
            throw .io(path: path, reason: "cannot move the temporary file into place: \(reason)")
        }
    }
}
