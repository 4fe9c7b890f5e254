/// Errors building or loading the corpus; each names the file and says what to do.
public enum CorpusError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A source folder or file could not be read.
    case unreadable(path: String, reason: String)
    /// The corpus folder lacks a file.
    case missingFile(path: String)
    /// The stored split names a tune the corpus does not have, or misses one it has.
    case splitMismatch(path: String, detail: String)
    /// A line of the split file is malformed.
    case malformedSplit(path: String, line: Int)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "cannot read '\(path)': \(reason)"
        case .missingFile(let path):
            return "corpus file '\(path)' is missing; rebuild it with 'compose corpus build' or point --corpus at the repository's Corpus/ folder"
        case .splitMismatch(let path, let detail):
            return "split '\(path)' does not match the corpus: \(detail); rebuild with 'compose corpus build'"
        case .malformedSplit(let path, let line): return "\(path):\(line): expected 'collection:number<TAB>train|validation'"
        }
    }
}
