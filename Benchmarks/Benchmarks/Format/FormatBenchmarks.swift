// File formats: MIDI read and write over ../shared/midi-samples, ABC parse of every corpus-source tune
// book, tokenize of every usable corpus tune (Corpus/). Run.sh compares the MIDI reader with
// /work/shared/anchors/midi_parse_ref.py (symusic, mido) in the same run.
import BenchSupport
import Benchmark
import Tunesmith

let benchmarks: @Sendable () -> Void = {
    let midiFolder = BenchPaths.shared + "/midi-samples"
    let abcFolder = BenchPaths.shared + "/corpus-sources"

    // One whole pass over every MIDI file, events only (what mido does): kB of MIDI per second.
    Benchmark("midi-read", configuration: .tunesmith(rate: .rate("kB/s"), iterations: 50, seconds: 10),
              closure: { (benchmark: Benchmark, files: [[UInt8]]) in
        try benchmark.measure(.rate("kB/s")) {
            var bytes = 0, rejected = 0
            for file in files {
                do { _ = try MIDIFile(bytes: file); bytes += file.count } catch { rejected += 1 }
            }
            guard rejected < files.count else { throw BenchInputError(message: "every MIDI file was rejected") }
            blackHole(bytes)
            return Double(files.reduce(0) { $0 + $1.count }) / 1e3
        }
    }, setup: { try BenchPaths.load(under: midiFolder, suffixes: [".mid", ".midi"]) })

    // The same pass plus note pairing on every track (what symusic's Score builds).
    Benchmark("midi-read-notes", configuration: .tunesmith(rate: .rate("kB/s"), iterations: 50, seconds: 10),
              closure: { (benchmark: Benchmark, files: [[UInt8]]) in
        try benchmark.measure(.rate("kB/s")) {
            var notes = 0
            for file in files {
                guard let midi = try? MIDIFile(bytes: file) else { continue }
                for track in midi.tracks { notes += track.notes().notes.count }
            }
            guard notes > 0 else { throw BenchInputError(message: "no notes read from \(midiFolder)") }
            blackHole(notes)
            return Double(files.reduce(0) { $0 + $1.count }) / 1e3
        }
    }, setup: { try BenchPaths.load(under: midiFolder, suffixes: [".mid", ".midi"]) })

    // Writing every readable file back to bytes: kB written per second.
    Benchmark("midi-write", configuration: .tunesmith(rate: .rate("kB/s"), iterations: 50, seconds: 10),
              closure: { (benchmark: Benchmark, midis: [MIDIFile]) in
        try benchmark.measure(.rate("kB/s")) {
            var written = 0
            for midi in midis { written += try midi.bytes().count }
            return Double(written) / 1e3
        }
    }, setup: { try BenchPaths.load(under: midiFolder, suffixes: [".mid", ".midi"]).compactMap { try? MIDIFile(bytes: $0) } })

    // Every corpus-source tune book (≈ 4,400 tunes), parsed on one thread: tunes per second; cpu_us is
    // the figure issue 2's target (< 0.5 s on one core) is checked against.
    Benchmark("abc-parse", configuration: .tunesmith(rate: .rate("tunes/s"), iterations: 20, seconds: 10),
              closure: { (benchmark: Benchmark, books: [[UInt8]]) in
        try benchmark.measure(.rate("tunes/s")) {
            var tunes = 0, failures = 0
            for bytes in books {
                let book = ABCTunebook(bytes: bytes)
                tunes += book.tunes.count
                failures += book.failures.count
            }
            guard tunes > 10 * failures else { throw BenchInputError(message: "\(failures) of \(tunes + failures) tunes failed to parse") }
            return Double(tunes + failures)
        }
    }, setup: { try BenchPaths.load(under: abcFolder, suffixes: [".abc"]) })

    // Tokenizing every usable corpus melody (Corpus/, as training reads it): tokens per second. The
    // result must equal the tokens the corpus loader made.
    Benchmark("tokenize", configuration: .tunesmith(rate: .rate("tokens/s"), iterations: 50, seconds: 10),
              closure: { (benchmark: Benchmark, corpus: TuneCorpus) in
        let tokenizer = MelodyTokenizer()
        try benchmark.measure(.rate("tokens/s")) {
            var count = 0
            for tune in corpus.tunes {
                let ids = try tokenizer.encode(tune.melody)
                guard ids == tune.tokens else { throw BenchInputError(message: "tokens of \(tune.id) differ from the corpus loader's") }
                count += ids.count
            }
            return Double(count)
        }
    }, setup: { try TuneCorpus(folder: BenchPaths.repository + "/Corpus") })
}
