import Notation

/// A tune that could not be read: which one, and what was wrong where.
public struct ABCTuneFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The tune's `X:` number, when its `X:` line could be read.
    public var referenceNumber: Int?
    /// The tune's first `T:` title, if any.
    public var title: String?
    /// Where the tune's `X:` line is.
    public var location: ABCLocation
    /// What was wrong, with its line:column in the file.
    public var error: ABCError

    public var description: String {
        "X:\(referenceNumber.map(String.init) ?? "?") \"\(title ?? "")\": \(error)"
    }
}

/// A tunebook: every tune in an ABC file that could be read, and one failure for each tune that could not.
/// One bad tune never stops the rest.
public struct ABCTunebook: Sendable {
    /// The tunes read, in file order.
    public var tunes: [ABCTune]
    /// One entry per tune that could not be read, in file order.
    public var failures: [ABCTuneFailure]

    /// Reads ABC text (UTF-8 bytes). Tunes start at an `X:` line and end at a blank line or the next `X:`.
    public init(bytes: [UInt8], voices policy: ABCVoicePolicy = .allVoicesAsParts) {
        let lines = Self.splitLines(bytes)
        var tunes: [ABCTune] = []
        var failures: [ABCTuneFailure] = []
        var i = 0
        while i < lines.count {
            guard ABCTuneParser.fieldLetter(bytes, lines[i]) == UInt8(ascii: "X") else { i += 1; continue }
            var j = i + 1
            while j < lines.count, !Self.isBlank(bytes, lines[j]),
                ABCTuneParser.fieldLetter(bytes, lines[j]) != UInt8(ascii: "X")
            {
                j += 1
            }
            let tuneLines = Array(lines[i..<j])
            let parser = ABCTuneParser(bytes: bytes, lines: tuneLines, policy: policy)
            do {
                tunes.append(try parser.parse())
            } catch {
                let x = Int(parser.fieldValue(tuneLines[0]).prefix(while: { $0.isNumber }))
                let title = tuneLines.first(where: { ABCTuneParser.fieldLetter(bytes, $0) == UInt8(ascii: "T") })
                    .map { parser.fieldValue($0) }
                failures.append(
                    ABCTuneFailure(
                        referenceNumber: x, title: title, location: ABCLocation(line: tuneLines[0].number, column: 1),
                        error: error))
            }
            i = j
        }
        self.tunes = tunes
        self.failures = failures
    }

    /// Reads ABC text.
    public init(text: String, voices policy: ABCVoicePolicy = .allVoicesAsParts) {
        self.init(bytes: Array(text.utf8), voices: policy)
    }

    /// Reads an ABC file.
    public init(contentsOf path: String, voices policy: ABCVoicePolicy = .allVoicesAsParts) throws(ABCError) {
        guard let data = FileBytes.read(path) else {
            throw .unreadableFile(path: path, reason: "it does not exist or cannot be opened")
        }
        self.init(bytes: data, voices: policy)
    }

    static func isBlank(_ bytes: [UInt8], _ line: ABCLine) -> Bool {
        var k = line.start
        while k < line.end {
            if bytes[k] != UInt8(ascii: " ") && bytes[k] != UInt8(ascii: "\t") { return false }
            k += 1
        }
        return true
    }

    /// Splits at `\n` (dropping a `\r` before it), numbering lines from 1.
    static func splitLines(_ bytes: [UInt8]) -> [ABCLine] {
        var lines: [ABCLine] = []
        var start = 0
        var number = 1
        let n = bytes.count
        var k = 0
        while k <= n {
            if k == n || bytes[k] == UInt8(ascii: "\n") {
                var end = k
                if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                if k < n || end > start { lines.append(ABCLine(number: number, start: start, end: end)) }
                number += 1
                start = k + 1
            }
            k += 1
        }
        return lines
    }
}
