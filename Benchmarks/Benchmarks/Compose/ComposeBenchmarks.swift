// Composing end to end through the library, as `compose --style folk --bars 16 > song.mid` does inside its
// process: the shipped LSTM and novelty index are loaded once (setup), then each iteration composes a
// 16-bar folk tune with a new seed (melody, harmony, accompaniment, novelty check) and encodes it as
// Standard MIDI File bytes. Run.sh times the whole cold process separately, beside torch_compose.py.
import BenchSupport
import Benchmark
import Tunesmith

let benchmarks: @Sendable () -> Void = {
    Benchmark("compose-folk-16", configuration: .tunesmith(rate: .rate("songs/s"), iterations: 200, seconds: 10, warmup: 3),
              closure: { (benchmark: Benchmark, state: (Composer, Style)) in
        let (composer, style) = state
        var seed: UInt64 = 0
        try benchmark.measure(.rate("songs/s")) {
            seed += 1
            let song = try composer.compose(CompositionRequest(style: style, bars: 16, seed: seed))
            let bytes = try MIDIFile(score: song.score).bytes()
            guard song.report.bars == 16, bytes.count > 100 else { throw BenchInputError(message: "seed \(seed): not a 16-bar MIDI file") }
            return 1
        }
    }, setup: {
        (try Composer(model: try LSTMMelodyModel.shipped(), noveltyIndex: try NoveltyIndex.bundled()), try Style.named("folk"))
    })
}
