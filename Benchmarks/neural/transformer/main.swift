// NeuralCore transformer speed harness, beside torch_ref.py's transformer in the same run (run_transformer.sh).
//
//   transformer-bench train THREADS [STEPS] [WARMUP] [FILE]   training tokens/s, one JSON line
//   transformer-bench gen THREADS [TOKENS] [FILE]             batch-1 KV-cached sampling tokens/s, one JSON line;
//                                                             THREADS step the sequence (TransformerGenerator's `threads`);
//                                                             stepping uses no OpenBLAS; it runs on 1 thread (NEURAL_BENCH_BLAS_THREADS)
//
// Without FILE: torch_ref.py's configuration (vocab 128, d_model 192, 4 layers × 4 heads, FF 768, context 256),
// training at batch 16 × 256 with AdamW lr 3e-4 (torch defaults, no clipping) on random tokens; sampling 1024
// tokens at temperature 1 from token 60 after a warm-up (at least 16 tokens and 0.3 s), going on from the last 128
// tokens when the cache is full (torch_ref.py's tf_kvcache; TransformerGenerator fills a shadow cache for it). With FILE (a model written by compose train), that
// model's sizes, training at batch 8 × its context.
// Every line records other_procs_cpu_share (other processes' share of the machine's CPU while timed, from
// /proc/stat, as torch_ref.py computes it) and cpu_s (this process's user + system CPU seconds while timed),
// so tokens per CPU-second can be compared when the load makes wall time meaningless. It checks its result
// (loss near ln 128 on random tokens; sampled tokens varied and inside the vocabulary) and exits 1 otherwise.
import Foundation

func emit(_ fields: [(String, String)]) {
    print("{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
}

let args = CommandLine.arguments
guard args.count >= 3, let threads = Int(args[2]) else {
    print("usage: transformer-bench train|train-blas|gen THREADS [STEPS|TOKENS] [WARMUP] [FILE]")
    exit(2)
}
BLASThreads.set(threads)
let file: String? = args[1].hasPrefix("train") ? (args.count > 5 ? args[5] : nil) : (args.count > 4 ? args[4] : nil)
let model = try file.map { try TransformerLanguageModel.load(from: $0).model }
    ?? TransformerLanguageModel(configuration: .init(), seed: 0)     // torch_ref.py's sizes
let config = model.configuration
let label = file == nil ? "torch_ref" : "file"
let sizes = "\"\(label) V\(config.vocabularySize) C\(config.width) L\(config.layerCount) H\(config.headCount) F\(config.feedForwardSize) P\(config.context)\""

switch args[1] {
case "train", "train-blas":
    TrainingMemory.keepFreedBlocksMapped()   // as `compose train` does
    let steps = args.count > 3 ? Int(args[3])! : 20
    let warmup = args.count > 4 ? Int(args[4])! : 3
    let (b, t) = file == nil ? (16, 256) : (8, config.context)
    let v = config.vocabularySize
    var rng = Xoshiro256StarStar(seed: 1)
    let batches = (0..<(steps + warmup)).map { _ in (0..<(b * (t + 1))).map { _ in Int(rng.next() % UInt64(v)) } }
    var trainer = try TransformerTrainer(model: model, optimizer: .init(learningRate: 3e-4), maxGradientNorm: nil)
    // `train`: THREADS equal row groups on as many threads, as `compose train` does;
    // `train-blas`: the whole batch on one thread, OpenBLAS using THREADS threads per product.
    if args[1] == "train" { trainer.shards = threads }
    for i in 0..<warmup { try trainer.train(batch: batches[i], batchSize: b) }
    var loss: Float = 0
    var stepTimes: [Double] = []
    let probe = LoadProbe()  // Benchmarks/Sources/BenchSupport/LoadProbe.swift
    for i in warmup..<(warmup + steps) {
        let ts = LoadProbe.now()
        loss = try trainer.train(batch: batches[i], batchSize: b).loss
        stepTimes.append(LoadProbe.now() - ts)
    }
    let elapsed = probe.elapsed, cpu = probe.cpuSeconds
    let other = probe.otherShare
    let median = stepTimes.sorted()[stepTimes.count / 2]
    emit([("bench", "\"neuralcore:transformer:\(args[1])\""), ("model", sizes), ("threads", "\(threads)"), ("batch", "\(b)"), ("seq", "\(t)"),
          ("steps", "\(steps)"), ("tokens_per_s", String(format: "%.1f", Double(steps * b * t) / elapsed)),
          ("tokens_per_s_from_median_step", String(format: "%.1f", Double(b * t) / median)),
          ("ms_per_step_median", String(format: "%.2f", 1000 * median)), ("cpu_s", String(format: "%.2f", cpu)),
          ("tokens_per_cpu_s", String(format: "%.1f", Double(steps * b * t) / cpu)),
          ("other_procs_cpu_share", String(format: "%.3f", other)), ("final_loss", "\(loss)")])
    guard loss.isFinite, loss > 0.8 * log(Float(v)), loss < 1.2 * log(Float(v)) else {
        print("check failed: loss \(loss) is not near ln \(v)")
        exit(1)
    }
case "gen":
    let count = args.count > 3 ? Int(args[3])! : 1024
    // stepping uses no OpenBLAS (the shadow cache replaced the batched re-prefill): OpenBLAS on 1 thread, so none
    // of its idle threads spins beside the stepping threads (NEURAL_BENCH_BLAS_THREADS overrides)
    BLASThreads.set(Int(ProcessInfo.processInfo.environment["NEURAL_BENCH_BLAS_THREADS"] ?? "") ?? 1)
    var generator = TransformerGenerator(model: model, threads: threads)
    var warm = Xoshiro256StarStar(seed: 1)
    // warm-up: at least 16 tokens and 0.3 s, so the timed section starts after OpenBLAS's thread start-up
    // (its threads spin for a while after the library loads and would compete with the stepping threads)
    let warmStart = LoadProbe()
    repeat { _ = try generator.generate(prompt: [60], count: 16, using: &warm) } while warmStart.elapsed < 0.3
    generator.reset()
    var rng = Xoshiro256StarStar(seed: 0)
    let probe = LoadProbe()  // Benchmarks/Sources/BenchSupport/LoadProbe.swift
    let tokens = try generator.generate(prompt: [60], count: count, using: &rng)
    let elapsed = probe.elapsed, cpu = probe.cpuSeconds
    let other = probe.otherShare
    emit([("bench", "\"neuralcore:transformer:gen_kvcache\""), ("model", sizes), ("threads", "\(threads)"), ("gen_tokens", "\(count)"),
          ("tokens_per_s", String(format: "%.1f", Double(count) / elapsed)),
          ("us_per_token", String(format: "%.2f", 1e6 * elapsed / Double(count))), ("cpu_s", String(format: "%.3f", cpu)),
          ("tokens_per_cpu_s", String(format: "%.1f", Double(count) / cpu)),
          ("other_procs_cpu_share", String(format: "%.3f", other)), ("first_tokens", "\(Array(tokens.prefix(8)))")])
    guard tokens.count == count, tokens.allSatisfy({ (0..<config.vocabularySize).contains($0) }), Set(tokens).count > min(20, count / 4) else {
        print("check failed: generated tokens are not a varied sequence inside the vocabulary")
        exit(1)
    }
default:
    print("unknown mode \(args[1])")
    exit(2)
}
