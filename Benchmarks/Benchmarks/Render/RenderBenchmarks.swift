// In-process rendering of a short MIDI file (piano-midi.de's chpn-p7.mid from ../shared/midi-samples,
// 37 s of music) to an in-memory 44.1 kHz buffer through libfluidsynth with TimGM6mb (a
// small General MIDI SoundFont, so the figure is the synthesis rather than the SoundFont load), including
// the tail trim and normalisation: seconds of audio per second of wall time. Run.sh compares the whole
// `compose render` process with the fluidsynth CLI on the same file and SoundFont.
import BenchSupport
import Benchmark
import Foundation
import Tunesmith

let benchmarks: @Sendable () -> Void = {
    let midi = BenchPaths.shared + "/midi-samples/piano-midi/Chopin/chpn-p7.mid"
    let soundFont = ProcessInfo.processInfo.environment["BENCH_SOUNDFONT"] ?? "/usr/share/sounds/sf2/TimGM6mb.sf2"
    Benchmark("render-short", configuration: .tunesmith(rate: .rate("audio_ms/s"), iterations: 20, seconds: 20),
              closure: { (benchmark: Benchmark, renderer: MIDIRenderer) in
        try benchmark.measure(.rate("audio_ms/s")) {
            let audio = try renderer.render(midiFile: midi)
            guard audio.duration > 1 else { throw BenchInputError(message: "\(midi) rendered to \(audio.duration) s") }
            return audio.duration * 1000
        }
    }, setup: { try MIDIRenderer(soundFont: SoundFont(path: soundFont, origin: "BENCH_SOUNDFONT")) })
}
