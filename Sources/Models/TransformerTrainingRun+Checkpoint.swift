import Foundation
import NeuralCore
import Tokens

extension TransformerTrainingRun {
    /// Metadata keys of a checkpoint file (the LSTM's, without a dropout generator, plus the model kind).
    enum CheckpointKey {
        static let marker = "tunesmith_checkpoint"
        static let model = "model"
        static let step = "step"
        static let adamStep = "adam_step"
        static let dataRNG = "data_rng"
        static let configuration = "training"
        static let corpus = "corpus"
        static let vocabulary = "vocabulary"
    }

    /// Writes weights, AdamW moments, the batch generator's state and the step to one safetensors file.
    public func saveCheckpoint(to path: String) throws(ModelError) {
        let params = trainer.model.parameters
        let opt = trainer.optimizer
        var tensors: [(String, Tensor)] = Array(zip(params.names, params.tensors))
        tensors += zip(opt.firstMoments.names, opt.firstMoments.tensors).map { ("adam.m.\($0)", $1) }
        tensors += zip(opt.secondMoments.names, opt.secondMoments.tensors).map { ("adam.v.\($0)", $1) }
        let metadata = [
            CheckpointKey.marker: "1",
            CheckpointKey.model: TransformerLanguageModel.modelName,
            CheckpointKey.step: String(step),
            CheckpointKey.adamStep: String(opt.step),
            CheckpointKey.dataRNG: dataRNG.stateWords.map(String.init).joined(separator: ","),
            CheckpointKey.configuration: configuration.json,
            CheckpointKey.corpus: corpusHash,
            CheckpointKey.vocabulary: JSONStrings.encode(vocabulary.texts),
        ]
        // The safetensors writer is atomic (temporary file, then rename): a kill never leaves half a checkpoint.
        do { try SafetensorsFile.write(tensors, metadata: metadata, to: path) } catch { throw .neural(error) }
    }

    /// Continues from a checkpoint written by the same configuration on the same corpus.
    ///
    /// Only the step count may differ, to lengthen or shorten a run that turns out slower or faster than
    /// planned: the cosine decay is then re-planned to end at the new count from the step reached (weights,
    /// AdamW moments and the batch generator continue unchanged). With the same count it continues bit for bit.
    public mutating func resume(from path: String) throws(ModelError) {
        let file: SafetensorsFile
        do { file = try SafetensorsFile(contentsOf: path) } catch { throw .neural(error) }
        let m = file.metadata
        guard m[CheckpointKey.marker] == "1" else { throw .checkpointMismatch(path: path, reason: "not a training checkpoint") }
        guard m[CheckpointKey.model] == TransformerLanguageModel.modelName else {
            throw .checkpointMismatch(path: path, reason: "it is not a transformer checkpoint")
        }
        guard var saved = m[CheckpointKey.configuration].flatMap({ try? JSONDecoder().decode(TransformerTrainingConfiguration.self, from: Data($0.utf8)) })
        else { throw .checkpointMismatch(path: path, reason: "metadata '\(CheckpointKey.configuration)' is missing or unreadable") }
        saved.steps = configuration.steps
        guard saved == configuration else {
            throw .checkpointMismatch(path: path, reason: "it was written with other training options (only --steps may change)")
        }
        guard m[CheckpointKey.corpus] == corpusHash else {
            throw .checkpointMismatch(path: path, reason: "it was trained on another corpus (\(m[CheckpointKey.corpus] ?? "?"))")
        }
        guard m[CheckpointKey.vocabulary] == JSONStrings.encode(vocabulary.texts) else { throw .vocabularyMismatch(path: path) }
        let parts = (m[CheckpointKey.dataRNG] ?? "").split(separator: ",").compactMap { UInt64($0) }
        guard let generator = Xoshiro256StarStar(stateWords: parts) else {
            throw .checkpointMismatch(path: path, reason: "metadata '\(CheckpointKey.dataRNG)' is not a generator state")
        }
        guard let savedStep = Int(m[CheckpointKey.step] ?? ""), let adamStep = Int(m[CheckpointKey.adamStep] ?? ""),
              savedStep >= 0
        else { throw .checkpointMismatch(path: path, reason: "metadata 'step' is missing or out of range") }
        guard savedStep <= configuration.steps else {
            throw .checkpointMismatch(path: path, reason: "it is at step \(savedStep), past the \(configuration.steps) steps asked for; ask for at least \(savedStep)")
        }
        let names = trainer.model.parameters.names
        func load(_ prefix: String) throws(ModelError) -> ParameterSet {
            var pairs: [(String, Tensor)] = []
            for (name, tensor) in zip(names, trainer.model.parameters.tensors) {
                do { pairs.append((name, try file.floatTensor(prefix + name, shape: tensor.shape))) } catch { throw .neural(error) }
            }
            return ParameterSet(pairs)
        }
        let weights = try load("")
        do { trainer.model = try TransformerLanguageModel(configuration: trainer.model.configuration, parameters: weights) }
        catch { throw .neural(error) }
        trainer.optimizer = AdamW(configuration: trainer.optimizer.configuration, step: adamStep,
                                  firstMoments: try load("adam.m."), secondMoments: try load("adam.v."))
        dataRNG = generator
        step = savedStep
    }
}
