import ABCNotation
import MIDIFile
import Notation

/// A file given on the command line, read as MIDI or ABC by its content (MIDI starts with `MThd`) or, for an
/// empty or unrecognised file, by its extension.
enum InputDocument {
    case midi(MIDIFile)
    case abc(ABCTunebook)

    /// Reads a file; errors name the file and the place (byte offset and track, or line:column).
    static func read(_ path: String) throws(CLIError) -> InputDocument {
        let bytes = try InputFile.read(path)
        let lower = path.lowercased()
        let looksMIDI = bytes.starts(with: Array("MThd".utf8)) || lower.hasSuffix(".mid") || lower.hasSuffix(".midi")
        if looksMIDI {
            do { return .midi(try MIDIFile(bytes: bytes)) } catch { throw .failure("\(path): \(error)") }
        }
        if lower.hasSuffix(".abc") || bytes.contains(UInt8(ascii: "X")) {
            let book = ABCTunebook(bytes: bytes, voices: .allVoicesAsParts)
            if book.tunes.isEmpty {
                if let f = book.failures.first { throw .failure("\(path): \(f)") }
                throw .failure("\(path): no tune found (an ABC tune starts with an X: line)")
            }
            return .abc(book)
        }
        throw .failure("\(path): neither a MIDI file (no MThd header) nor ABC (no X: line); give a .mid or .abc file")
    }

    /// The tune with X: number `number` (or the first), or an error naming what the book holds.
    static func tune(in book: ABCTunebook, number: Int?, path: String) throws(CLIError) -> ABCTune {
        guard let number else { return book.tunes[0] }
        if let t = book.tunes.first(where: { $0.referenceNumber == number }) { return t }
        if let f = book.failures.first(where: { $0.referenceNumber == number }) { throw .failure("\(path): \(f)") }
        let numbers = book.tunes.prefix(10).map { String($0.referenceNumber) }.joined(separator: ", ")
        throw .failure("\(path): no tune X:\(number) (tunes: \(numbers)\(book.tunes.count > 10 ? ", …" : ""))")
    }

    /// The document as a MIDI file: ABC through its score (480 ticks per quarter, repeats expanded).
    static func midi(_ document: InputDocument, tune number: Int?, path: String) throws(CLIError) -> MIDIFile {
        switch document {
        case .midi(let file): return file
        case .abc(let book):
            let tune = try tune(in: book, number: number, path: path)
            do {
                return try MIDIFile(score: try tune.score(voices: .allVoicesAsParts))
            } catch let e as ABCError { throw .failure("\(path): \(e)") }
            catch { throw .failure("\(path): \(error)") }
        }
    }
}
