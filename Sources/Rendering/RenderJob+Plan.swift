import Foundation

extension RenderJob {
    /// Whether `output` names a folder: it ends in `/`, or is an existing directory.
    public static func isFolder(_ output: String) -> Bool {
        if output.hasSuffix("/") { return true }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Plans the jobs for rendering `inputs` to `output` (the `-o` argument).
    ///
    /// - A file `output` takes exactly one input; its extension chooses the format and `container`
    ///   must be nil.
    /// - A folder `output` takes any number of inputs; each becomes `<folder>/<input name>.<ext>`,
    ///   with the extension from `container` (default WAV). Two inputs with the same name are refused.
    ///
    /// `sampleFormat` is the `--bit-depth` (nil: the format's default).
    public static func plan(inputs: [String], output: String, container: AudioContainer? = nil,
                            sampleFormat: SampleFormat? = nil) throws -> [RenderJob] {
        guard !inputs.isEmpty else {
            throw RenderError.invalidOption(name: "IN.mid", value: "(none)", expected: "at least one MIDI file")
        }
        guard isFolder(output) else {
            guard inputs.count == 1 else {
                throw RenderError.invalidOption(name: "-o", value: output,
                                                expected: "a folder ending in / when rendering \(inputs.count) files")
            }
            if let container {
                throw RenderError.invalidOption(name: "--format", value: container.rawValue,
                                                expected: "no --format with a file output; its extension (.wav, .flac, .ogg) chooses")
            }
            return [RenderJob(input: inputs[0], output: output, format: try AudioFileFormat(path: output, sampleFormat: sampleFormat))]
        }
        let folder = output.hasSuffix("/") ? String(output.dropLast()) : output
        let ext = (container ?? .wav).rawValue
        var seen: [String: String] = [:]
        return try inputs.map { input in
            let stem = ((input as NSString).lastPathComponent as NSString).deletingPathExtension
            let path = "\(folder.isEmpty ? "" : folder)/\(stem).\(ext)"
            if let earlier = seen[path] {
                throw RenderError.invalidOption(name: "-o", value: output,
                                                expected: "distinct input names: \(earlier) and \(input) would both write \(path)")
            }
            seen[path] = input
            return RenderJob(input: input, output: path, format: try AudioFileFormat(path: path, sampleFormat: sampleFormat))
        }
    }
}
