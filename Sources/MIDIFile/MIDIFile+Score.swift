import Notation

// MIDI -> Score.
//
// - Time: tick t becomes exactly t / ticksPerQuarter quarter notes. SMPTE files (no quarter notes) and
//   format 2 files with more than one sequence are refused with an error saying why.
// - Maps: tempo, time-signature and key-signature events from every track form the score's maps; when
//   several of one kind share a tick, the last in file order wins (as a player would apply them).
//   A time signature or key signature that is not a valid meter or key is an error naming track and tick.
// - Title: the track name of track 0 when it holds no notes (a format 1 conductor track), or of the only
//   track in format 0.
// - Parts: notes are paired by the rule in MIDITrack+Notes.swift (never-ended notes are dropped), then
//   grouped per track and channel, in order of first note: one Part each, named after its track (with
//   " (channel N)", N = 1...16, when a track holds several channels), on that channel, with the program
//   of the last program change on that channel at or before the part's first note (else the first after
//   it), looked for in its own track, then in the others; 0 if none.
// - Voice: one per part. Notes with the same onset, duration and velocity become one Chord; the silences
//   between notes, from tick 0 to the end of the track, become Rests. Zero-length notes are skipped (a
//   score note must last). Text events (FF 01) that parse as chord symbols become the part's chord symbols.

extension MIDIFile {
    /// The file as a `Score` (rules above).
    public func score() throws(MIDIFileError) -> Score {
        let tpq: Int
        switch division {
        case .ticksPerQuarter(let n): tpq = n
        case .smpte(let fps, let tpf): throw .smpteDivisionHasNoQuarterNotes(framesPerSecond: fps, ticksPerFrame: tpf)
        }
        guard format != .multiSequence || tracks.count == 1 else { throw .multipleSequences(count: tracks.count) }
        func time(_ tick: Int) -> Rational { Rational(tick, tpq) }

        // Step 1: the tempo, meter and key maps from every track, keyed by tick (the last one at a tick wins).
        var tempos: [(tick: Int, order: Int, value: TempoChange)] = []
        var meters: [(tick: Int, order: Int, value: MeterChange)] = []
        var keys: [(tick: Int, order: Int, value: KeyChange)] = []
        var order = 0
        for (t, track) in tracks.enumerated() {
            for e in track.events {
                guard case .meta(let meta) = e.event else { continue }
                order += 1
                switch meta {
                case .tempo(let us) where us > 0:
                    let qpm = MIDIMetaEvent.quarterNotesPerMinute(microsecondsPerQuarter: us)
                    guard let change = try? TempoChange(onset: time(e.tick), quarterNotesPerMinute: qpm) else { continue }
                    tempos.append((e.tick, order, change))
                case .tempo:
                    throw .invalidMusicValue(track: t, tick: e.tick, message: "a tempo of 0 microseconds per quarter note cannot be played")
                case .timeSignature(let n, let power, _, _):
                    guard power < 7, let meter = try? Meter(numerator: Int(n), denominator: 1 << Int(power)) else {
                        throw .invalidMusicValue(track: t, tick: e.tick,
                                                 message: "time signature \(n)/2^\(power) is not a meter (numerator 1...64, denominator 1...64)")
                    }
                    meters.append((e.tick, order, MeterChange(onset: time(e.tick), meter: meter)))
                case .keySignature(let fifths, let minor):
                    guard let key = MIDIMetaEvent.key(fifths: Int(fifths), isMinor: minor) else {
                        throw .invalidMusicValue(track: t, tick: e.tick,
                                                 message: "key signature with \(fifths) sharps/flats is outside -7...7")
                    }
                    keys.append((e.tick, order, KeyChange(onset: time(e.tick), key: key)))
                default:
                    continue
                }
            }
        }
        func lastPerTick<T>(_ items: [(tick: Int, order: Int, value: T)]) -> [T] {
            let sorted = items.sorted { ($0.tick, $0.order) < ($1.tick, $1.order) }
            return sorted.enumerated().filter { i, item in i == sorted.count - 1 || sorted[i + 1].tick != item.tick }
                .map(\.element.value)
        }

        // Step 2: notes per track, then parts per (track, channel).
        let paired = tracks.map { $0.notes().notes }
        let title: String
        if format == .singleTrack || (paired.first?.isEmpty ?? false) { title = tracks.first?.name ?? "" } else { title = "" }
        var parts: [Part] = []
        for (t, track) in tracks.enumerated() {
            var channels: [UInt8] = []
            for note in paired[t] where !channels.contains(note.channel) { channels.append(note.channel) }
            for channel in channels {
                let notes = paired[t].filter { $0.channel == channel }
                var name = track.name ?? ""
                if channels.count > 1 { name += (name.isEmpty ? "" : " ") + "(channel \(channel + 1))" }
                let program = self.program(channel: channel, track: t, before: notes[0].start)
                let voice = try Self.voice(notes: notes, trackEnd: track.events.last?.tick ?? 0, track: t, time: time)
                let symbols = track.events.compactMap { e -> TimedChordSymbol? in
                    guard case .meta(.text(.text, let bytes)) = e.event,
                          let symbol = ChordSymbol(parsing: MIDITextKind.string(from: bytes)) else { return nil }
                    return TimedChordSymbol(onset: time(e.tick), symbol: symbol)
                }
                do {
                    parts.append(try Part(name: name, program: program, channel: Int(channel), voices: [voice], chordSymbols: symbols))
                } catch {
                    throw .invalidMusicValue(track: t, tick: notes[0].start, message: error.description)
                }
            }
        }
        return Score(title: title, parts: parts, tempoChanges: lastPerTick(tempos), meterChanges: lastPerTick(meters),
                     keyChanges: lastPerTick(keys))
    }

    /// The program of the last program change on `channel` at or before `tick` (else the first after it),
    /// looking first in `track`, then in every track in order; 0 when there is none.
    func program(channel: UInt8, track: Int, before tick: Int) -> Int {
        func search(_ events: [MIDITrackEvent]) -> Int? {
            var atOrBefore: Int?, after: Int?
            for e in events {
                guard case .programChange(channel, let p) = e.event else { continue }
                if e.tick <= tick { atOrBefore = Int(p) } else if after == nil { after = Int(p) }
            }
            return atOrBefore ?? after
        }
        if let p = search(tracks[track].events) { return p }
        for other in tracks.indices where other != track {
            if let p = search(tracks[other].events) { return p }
        }
        return 0
    }

    /// One voice from a part's notes: chords for notes struck and released together, rests in the silences.
    static func voice(notes: [MIDINote], trackEnd: Int, track: Int,
                      time: (Int) -> Rational) throws(MIDIFileError) -> Voice {
        // Step 1: group notes by (start, end, velocity), in order of start then pitch.
        let sorted = notes.filter { $0.end > $0.start }.sorted { ($0.start, $0.pitch) < ($1.start, $1.pitch) }
        var events: [MusicEvent] = []
        var soundingUntil = 0
        var i = 0
        do {
            while i < sorted.count {
                let first = sorted[i]
                var pitches = [try Pitch(midi: Int(first.pitch))]
                var j = i + 1
                while j < sorted.count, sorted[j].start == first.start, sorted[j].end == first.end,
                      sorted[j].velocity == first.velocity, !pitches.contains(where: { $0.midi == Int(sorted[j].pitch) }) {
                    pitches.append(try Pitch(midi: Int(sorted[j].pitch)))
                    j += 1
                }
                // Step 2: a rest for the silence before this note, if any.
                if first.start > soundingUntil {
                    events.append(.rest(try Rest(onset: time(soundingUntil), duration: time(first.start - soundingUntil))))
                }
                let onset = time(first.start), duration = time(first.end - first.start)
                if pitches.count == 1 {
                    events.append(.note(try Note(pitch: pitches[0], onset: onset, duration: duration, velocity: Int(first.velocity))))
                } else {
                    events.append(.chord(try Chord(pitches: pitches, onset: onset, duration: duration, velocity: Int(first.velocity))))
                }
                soundingUntil = max(soundingUntil, first.end)
                i = j
            }
            // Step 3: the silence after the last note, up to the end of the track.
            if trackEnd > soundingUntil {
                events.append(.rest(try Rest(onset: time(soundingUntil), duration: time(trackEnd - soundingUntil))))
            }
        } catch {
            throw .invalidMusicValue(track: track, tick: i < sorted.count ? sorted[i].start : soundingUntil, message: error.description)
        }
        return Voice(events: events)
    }
}
