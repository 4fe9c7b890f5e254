/// Weight files: safetensors with the PyTorch state_dict names, plus metadata.
///
/// Metadata written: `format_version` ("1"), `model` ("lstm-melody"), the sizes `vocab`, `emb`,
/// `hidden`, `layers`, `dropout` (the keys torch_ref.py's `--save-lstm-weights` uses), and any
/// caller entries (vocabulary, corpus hash, ...). A file without `format_version` is read as a
/// plain PyTorch state_dict export (as torch_ref.py writes): its sizes come from the metadata
/// when present, else from the tensor shapes.
extension LSTMLanguageModel {
    /// The weight-file format version this build writes and reads.
    public static let formatVersion = "1"

    /// Metadata keys this type writes itself; a caller's entries may not override them.
    public static let reservedMetadataKeys: Set<String> = ["format_version", "model", "vocab", "emb", "hidden", "layers", "dropout"]

    /// Writes the weights and metadata to `path` (atomically: temporary file, then rename).
    public func save(to path: String, metadata extra: [String: String] = [:]) throws(NeuralCoreError) {
        if let key = extra.keys.first(where: Self.reservedMetadataKeys.contains) {
            throw .invalidMetadata(path: path, key: key, value: extra[key], reason: "this key is written by the model itself; use another name")
        }
        let c = configuration
        var metadata = extra
        metadata["format_version"] = Self.formatVersion
        metadata["model"] = "lstm-melody"
        metadata["vocab"] = String(c.vocabularySize)
        metadata["emb"] = String(c.embeddingSize)
        metadata["hidden"] = String(c.hiddenSize)
        metadata["layers"] = String(c.layerCount)
        metadata["dropout"] = String(c.dropout)
        try SafetensorsFile.write(Array(zip(parameters.names, parameters.tensors)), metadata: metadata, to: path)
    }

    /// Reads a model from `path`; returns it with the file's metadata.
    public static func load(from path: String) throws(NeuralCoreError) -> (model: LSTMLanguageModel, metadata: [String: String]) {
        try load(from: SafetensorsFile(contentsOf: path))
    }

    /// Reads a model from a parsed safetensors file.
    public static func load(from file: SafetensorsFile) throws(NeuralCoreError) -> (model: LSTMLanguageModel, metadata: [String: String]) {
        let path = file.path
        let meta = file.metadata
        if let version = meta["format_version"], version != formatVersion {
            throw .unsupportedFormatVersion(path: path, found: version, supported: formatVersion)
        }
        if let model = meta["model"], model != "lstm-melody" {
            throw .invalidMetadata(path: path, key: "model", value: model, reason: "this file holds a '\(model)', not an LSTM language model")
        }
        // sizes: metadata first, else the tensor shapes
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
        let v = try size("vocab") { () throws(NeuralCoreError) in try dim("embed.weight", 0) }
        let e = try size("emb") { () throws(NeuralCoreError) in try dim("embed.weight", 1) }
        let h = try size("hidden") { () throws(NeuralCoreError) in try dim("lstm.weight_hh_l0", 1) }
        let l = try size("layers") { () -> Int in
            var k = 0
            while file.entries["lstm.weight_ih_l\(k)"] != nil { k += 1 }
            return k
        }
        var dropout: Float = 0
        if let text = meta["dropout"] {
            guard let p = Float(text), p >= 0, p < 1 else {
                throw .invalidMetadata(path: path, key: "dropout", value: text, reason: "must be a number in [0, 1)")
            }
            dropout = p
        }
        let config = Configuration(vocabularySize: v, embeddingSize: e, hiddenSize: h, layerCount: l, dropout: dropout)
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
        return (try LSTMLanguageModel(configuration: config, parameters: ParameterSet(pairs)), meta)
    }
}
