import Harmony
import NeuralCore
import Notation
import Tokens

/// Builds the score of a composition: tempo, meter and key maps; the melody part; chords, bass and drums
/// from the `Arranger` (chord symbols ride on the `Chords` track, or on the melody when there is no
/// accompaniment).
struct ScoreAssembly {
    let request: CompositionRequest
    let style: Style
    let meter: Meter
    let key: Key
    let instrument: Instrument
    let shift: Int
    let melody: Melody
    let seedUsed: UInt64

    /// The melody moved by the octave shift, as a voice.
    func melodyVoice() throws(EngineError) -> Voice {
        var events: [MusicEvent] = []
        for event in melody.events {
            switch event {
            case .note(var n):
                do { n.pitch = try n.pitch.transposed(by: shift) } catch { throw .notation("\(error)") }
                events.append(.note(n))
            default:
                events.append(event)
            }
        }
        return Voice(name: "Melody", events: events)
    }

    func composition(tokens: [Int], plan: FormPlan, keyDrawn: Bool, attempts: Int, novelty: SharedRun?) throws(EngineError) -> Composition {
        let voice = try melodyVoice()
        let bpm = request.beatsPerMinute ?? style.option(for: meter)?.defaultBeatsPerMinute
            ?? (Style.fallbackBeatsPerMinute.lowerBound + Style.fallbackBeatsPerMinute.upperBound) / 2
        let quarters = Rational(bpm) * meter.beats[0]
        var rng = Xoshiro256StarStar(seed: seedUsed ^ 0x6172_726E)
        var chords: [TimedChordSymbol] = []
        var parts: [Part] = []
        var voicings: [VoicedChord] = []
        do {
            if request.accompaniment {
                let arrangement = try Arranger.arrange(melody: voice, key: key, meter: meter, style: style,
                                                       anacrusis: melody.anacrusis,
                                                       options: AccompanimentOptions(drums: request.drums), using: &rng)
                chords = arrangement.harmonization.chords
                voicings = arrangement.accompaniment.voicings
                parts = [try part(voice, symbols: [])] + arrangement.accompaniment.parts
            } else {
                chords = try Harmonizer(key: key, meter: meter, style: style, anacrusis: melody.anacrusis).chordSymbols(for: voice)
                parts = [try part(voice, symbols: chords)]
            }
        } catch let error as HarmonyError {
            throw .harmony(error)
        } catch let error as EngineError {
            throw error
        } catch {
            throw .notation("\(error)")
        }
        let tempo: TempoChange
        do { tempo = try TempoChange(quarterNotesPerMinute: quarters) } catch { throw .notation("\(error)") }
        let title = "\(style.name.capitalized) in \(key.tonic) \(key.mode.rawValue), seed \(request.seed)"
        let score = Score(title: title, parts: parts, tempoChanges: [tempo], meterChanges: [MeterChange(meter: meter)],
                          keyChanges: [KeyChange(key: key)], anacrusis: melody.anacrusis)
        let last = melody.notes.last
        let report = CompositionReport(
            style: style.name, bars: request.bars, meter: meter.description, key: key.description, keyDrawn: keyDrawn,
            form: plan.pattern, barsPerPart: plan.barsPerSection, anacrusis: melody.anacrusis.description,
            seed: request.seed, seedUsed: seedUsed, attempts: attempts, beatsPerMinute: bpm,
            endsOnTonic: last.map { $0.pitch.pitchClass == key.tonic.pitchClass } ?? false,
            notes: melody.notes.count, instrument: instrument.name, program: instrument.program, octaveShift: shift,
            chords: chords.map(\.symbol.description), parts: parts.map(\.name), novelty: novelty)
        return Composition(score: score, melody: melody, tokens: tokens, chords: chords, report: report, voicings: voicings)
    }

    func part(_ voice: Voice, symbols: [TimedChordSymbol]) throws(EngineError) -> Part {
        do { return try Part(name: "Melody", program: instrument.program, channel: 0, voices: [voice], chordSymbols: symbols) }
        catch { throw .notation("\(error)") }
    }
}
