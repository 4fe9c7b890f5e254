import Foundation

extension MIDIFile {
    /// Reads the Standard MIDI File at `path`.
    public init(contentsOfFile path: String) throws(MIDIFileError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .io(path: path, message: "cannot read the file; check that it exists and is readable")
        }
        try self.init(bytes: [UInt8](data))
    }

    /// Writes the file to `path` atomically: the bytes go to a temporary file in the same folder, which is
    /// then renamed over `path`, so an existing file is never left half-written.
    public func write(toFile path: String) throws(MIDIFileError) {
        let encoded = try bytes()
        do {
            try Data(encoded).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .io(path: path, message: "cannot write the file (\(error.localizedDescription)); check the folder exists and is writable")
        }
    }
}
