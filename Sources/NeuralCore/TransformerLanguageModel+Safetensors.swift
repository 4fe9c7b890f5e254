/// Weight files: safetensors with the PyTorch state_dict names, plus metadata.
///
/// Metadata written: `format_version` ("1"), `model` ("transformer-melody"), the sizes `vocab`, `d_model`,
/// `layers`, `heads`, `ff`, `context`, and any caller entries. A file without `format_version` is read as
/// a plain PyTorch state_dict export: sizes from the metadata when present, else from the tensor shapes
/// (the head count must then be in the metadata, since no shape carries it).
extension TransformerLanguageModel {
    /// The weight-file format version this build writes and reads.
    public static let formatVersion = "1"

    /// The `model` metadata value of a transformer file.
    public static let modelName = "transformer-melody"

    /// Metadata keys this type writes itself; a caller's entries may not override them.
    public static let reservedMetadataKeys: Set<String> = ["format_version", "model", "vocab", "d_model", "layers", "heads", "ff", "context"]

    /// Writes the weights and metadata to `path` (atomically: temporary file, then rename).
    public func save(to path: String, metadata extra: [String: String] = [:]) throws(NeuralCoreError) {
        if let key = extra.keys.first(where: Self.reservedMetadataKeys.contains) {
            throw .invalidMetadata(path: path, key: key, value: extra[key], reason: "this key is written by the model itself; use another name")
        }
        let c = configuration
        var metadata = extra
        metadata["format_version"] = Self.formatVersion
        metadata["model"] = Self.modelName
        metadata["vocab"] = String(c.vocabularySize)
        metadata["d_model"] = String(c.width)
        metadata["layers"] = String(c.layerCount)
        metadata["heads"] = String(c.headCount)
        metadata["ff"] = String(c.feedForwardSize)
        metadata["context"] = String(c.context)
        try SafetensorsFile.write(Array(zip(parameters.names, parameters.tensors)), metadata: metadata, to: path)
    }

    /// Reads a model from `path`; returns it with the file's metadata.
    public static func load(from path: String) throws(NeuralCoreError) -> (model: TransformerLanguageModel, metadata: [String: String]) {
        try load(from: SafetensorsFile(contentsOf: path))
    }

    /// Reads a model from a parsed safetensors file.
    public static func load(from file: SafetensorsFile) throws(NeuralCoreError) -> (model: TransformerLanguageModel, metadata: [String: String]) {
        let path = file.path
        let meta = file.metadata
        if let version = meta["format_version"], version != formatVersion {
            throw .unsupportedFormatVersion(path: path, found: version, supported: formatVersion)
        }
        if let model = meta["model"], model != modelName {
            throw .invalidMetadata(path: path, key: "model", value: model, reason: "this file holds a '\(model)', not a transformer language model")
        }
        func size(_ key: String, _ fallback: () throws(NeuralCoreError) -> Int) throws(NeuralCoreError) -> Int {
            guard let text = meta[key] else { return try fallback() }
            guard let v = Int(text), v > 0 else { throw .invalidMetadata(path: path, key: key, value: text, reason: "must be a positive integer") }
            // every size is some tensor's dimension: a larger claim is refused before anything is sized by it
            // (a layer count is not: the tensors are read in order and the first missing one is named)
            if key != "layers", v > file.largestDimension {
                throw .invalidMetadata(path: path, key: key, value: text,
                                       reason: "is larger than every dimension of the file's tensors (at most \(file.largestDimension))")
            }
            return v
        }
        func dim(_ name: String, _ axis: Int) throws(NeuralCoreError) -> Int {
            guard let e = file.entries[name] else { throw .missingTensor(name: name, path: path) }
            guard e.shape.count == 2 else { throw .wrongShape(name: name, path: path, expected: [-1, -1], found: e.shape) }
            return e.shape[axis]
        }
        let v = try size("vocab") { () throws(NeuralCoreError) in try dim("tok.weight", 0) }
        let c = try size("d_model") { () throws(NeuralCoreError) in try dim("tok.weight", 1) }
        let p = try size("context") { () throws(NeuralCoreError) in try dim("pos.weight", 0) }
        let f = try size("ff") { () throws(NeuralCoreError) in try dim("blocks.0.fc1.weight", 0) }
        let l = try size("layers") { () -> Int in
            var k = 0
            while file.entries["blocks.\(k).qkv.weight"] != nil { k += 1 }
            return k
        }
        let h = try size("heads") { () throws(NeuralCoreError) -> Int in
            throw .invalidMetadata(path: path, key: "heads", value: nil, reason: "the head count is not in the tensor shapes; add 'heads' to the file's metadata")
        }
        let config = Configuration(vocabularySize: v, width: c, layerCount: l, headCount: h, feedForwardSize: f, context: p)
        do { try config.validate() } catch {
            throw .invalidMetadata(path: path, key: "config", value: nil, reason: error.description)
        }
        var pairs: [(String, Tensor)] = []
        try config.forEachParameterShape { (name, shape) throws(NeuralCoreError) in   // stops at the first missing or wrong tensor
            pairs.append((name, try file.floatTensor(name, shape: shape)))
        }
        let expected = Set(config.parameterShapes.map(\.name))
        if let extra = file.entries.keys.sorted().first(where: { !expected.contains($0) }) {
            throw .unexpectedTensor(name: extra, path: path)
        }
        return (try TransformerLanguageModel(configuration: config, parameters: ParameterSet(pairs)), meta)
    }
}
