/// A place in ABC text: 1-based line and column (columns count UTF-8 bytes).
public struct ABCLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Line number, starting at 1.
    public var line: Int
    /// Column number in bytes, starting at 1.
    public var column: Int

    /// Creates a location from a 1-based line and column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: ABCLocation, b: ABCLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    /// `"12:7"`.
    public var description: String { "\(line):\(column)" }
}

/// Everything that can go wrong reading or writing ABC. Every case says where and what to do.
public enum ABCError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A header field (K:, M:, L:, Q:, …) whose value cannot be read.
    case invalidField(field: String, value: String, at: ABCLocation, reason: String)
    /// Something in the tune body that is not valid ABC.
    case invalidBody(at: ABCLocation, reason: String)
    /// A construct opened and never closed (chord `[`, quote `"`, grace `{`, tuplet, decoration `!`).
    case unterminated(what: String, at: ABCLocation)
    /// Valid ABC that this reader does not play (voice overlay `&`, several voices when rejected).
    case unsupported(feature: String, at: ABCLocation)
    /// A tune whose header ends without a `K:` line.
    case missingKey(at: ABCLocation)
    /// A file that could not be read.
    case unreadableFile(path: String, reason: String)
    /// A score that cannot be written as ABC.
    case notWritable(reason: String)

    /// Where the problem is, when it is inside ABC text.
    public var location: ABCLocation? {
        switch self {
        case .invalidField(_, _, let at, _), .invalidBody(let at, _), .unterminated(_, let at),
            .unsupported(_, let at), .missingKey(let at):
            return at
        case .unreadableFile, .notWritable:
            return nil
        }
    }

    public var description: String {
        switch self {
        case .invalidField(let field, let value, let at, let reason):
            return "\(at): invalid \(field): field \"\(value)\": \(reason)"
        case .invalidBody(let at, let reason):
            return "\(at): \(reason)"
        case .unterminated(let what, let at):
            return "\(at): unterminated \(what): close it on the same line"
        case .unsupported(let feature, let at):
            return "\(at): unsupported: \(feature)"
        case .missingKey(let at):
            return "\(at): the tune header has no K: line; add one (K:C) as the header's last line"
        case .unreadableFile(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .notWritable(let reason):
            return "cannot write ABC: \(reason)"
        }
    }
}

/// A problem that did not stop a tune from being read (a malformed header line that was skipped).
public struct ABCWarning: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Where the skipped text is.
    public var location: ABCLocation
    /// What was wrong and what was done about it.
    public var message: String

    /// Creates a warning.
    public init(location: ABCLocation, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): warning: \(message)" }
}
