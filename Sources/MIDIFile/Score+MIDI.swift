import Notation

// Score -> MIDI: a format 1 file with a conductor track first, then one named track per part.
//
//   track 0 (conductor): track name = score title (if any), tempo, time-signature and key-signature
//                        events at their onsets, end of track at the end of the score
//   track 1... (parts):  track name = part name, program change on the part's channel at tick 0,
//                        chord symbols as text events (FF 01, e.g. "Am7"), then every note of every voice
//                        (chords split) as note-on / note-off (0x8n, release velocity 64); at one tick
//                        note-offs come before note-ons, so a repeated pitch is struck again
//
// Times become ticks exactly through ticks-per-quarter (480 by default); a time that does not fall on a
// tick is an error that says which ticks-per-quarter would hold it. Nothing is rounded except tempo
// (MIDI stores whole microseconds per quarter; see MIDIMetaEvent+Notation.swift).
//
// What MIDI cannot carry, and so does not come back from `score()`: rests (they return as the silences
// between notes), voices (a part's voices are merged), note spellings, the anacrusis, modes other than
// major and minor, and the symbols C and C|.

extension MIDIFile {
    /// The ticks per quarter note of files written from scores unless asked otherwise.
    public static let defaultTicksPerQuarter = 480

    /// A format 1 file holding `score`: a conductor track, then one track per part (layout above).
    public init(score: Score, ticksPerQuarter: Int = MIDIFile.defaultTicksPerQuarter) throws(MIDIFileError) {
        guard (1...0x7FFF).contains(ticksPerQuarter) else {
            throw .scoreValueOutOfRange(what: "ticks per quarter note (1...32767)", value: "\(ticksPerQuarter)")
        }
        func ticks(_ time: Rational, _ owner: String) throws(MIDIFileError) -> Int {
            guard time >= .zero else { throw .scoreValueOutOfRange(what: "time in \(owner) (before 0)", value: "\(time)") }
            guard let t = time.ticks(perQuarter: ticksPerQuarter) else {
                throw .timeNotOnTick(part: owner, time: time, ticksPerQuarter: ticksPerQuarter)
            }
            return t
        }
        // Step 1: the conductor track: title, then the tempo, meter and key maps merged by tick.
        var conductor: [(tick: Int, event: MIDIEvent)] = []
        if !score.title.isEmpty { conductor.append((0, .meta(.text(.trackName, Array(score.title.utf8))))) }
        for change in score.tempoChanges {
            conductor.append((try ticks(change.onset, "tempo map"),
                              .meta(.tempo(microsecondsPerQuarter: change.microsecondsPerQuarter))))
        }
        for change in score.meterChanges {
            conductor.append((try ticks(change.onset, "meter map"), .meta(MIDIMetaEvent.timeSignature(change.meter))))
        }
        for change in score.keyChanges {
            conductor.append((try ticks(change.onset, "key map"), .meta(try MIDIMetaEvent.keySignature(change.key))))
        }
        let scoreEnd = try ticks(score.end, "score")
        var tracks = [MIDITrack.sortedByTick(conductor, endTick: scoreEnd)]
        // Step 2: one track per part.
        for part in score.parts {
            // Part and Note check their ranges when created, but their fields can be changed afterwards.
            guard (0...15).contains(part.channel), (0...127).contains(part.program) else {
                throw .scoreValueOutOfRange(what: "channel (0...15) / program (0...127) of part '\(part.name)'",
                                            value: "\(part.channel) / \(part.program)")
            }
            let channel = UInt8(part.channel)
            var events: [(tick: Int, event: MIDIEvent)] = [(0, .programChange(channel: channel, program: UInt8(part.program)))]
            if !part.name.isEmpty { events.insert((0, .meta(.text(.trackName, Array(part.name.utf8)))), at: 0) }
            for symbol in part.chordSymbols {
                events.append((try ticks(symbol.onset, part.name), .meta(.text(.text, Array(symbol.symbol.description.utf8)))))
            }
            var notes: [(tick: Int, event: MIDIEvent)] = []
            for voice in part.voices {
                for note in voice.notes {
                    guard (1...127).contains(note.velocity), note.duration > .zero else {
                        throw .scoreValueOutOfRange(what: "velocity (1...127) / duration (> 0) of a note in part '\(part.name)'",
                                                    value: "\(note.velocity) / \(note.duration)")
                    }
                    let key = UInt8(note.pitch.midi)
                    notes.append((try ticks(note.onset, part.name), .noteOn(channel: channel, note: key, velocity: UInt8(note.velocity))))
                    notes.append((try ticks(note.end, part.name), .noteOff(channel: channel, note: key, velocity: 64)))
                }
            }
            // Note-offs before note-ons at one tick; otherwise the order written.
            let ordered = notes.enumerated().sorted { a, b in
                let ka = (a.element.tick, a.element.event.isNoteOn ? 1 : 0, a.offset)
                let kb = (b.element.tick, b.element.event.isNoteOn ? 1 : 0, b.offset)
                return ka < kb
            }.map(\.element)
            tracks.append(MIDITrack.sortedByTick(events + ordered, endTick: try ticks(part.end, part.name)))
        }
        self.init(format: .multiTrack, division: .ticksPerQuarter(ticksPerQuarter), tracks: tracks)
    }
}

extension MIDIEvent {
    /// True for a note-on with a velocity above 0.
    var isNoteOn: Bool {
        if case .noteOn(_, _, let v) = self { return v > 0 }
        return false
    }
}

extension MIDITrack {
    /// A track from events stably sorted by tick, closed by an end-of-track at `endTick` (or the last event).
    static func sortedByTick(_ events: [(tick: Int, event: MIDIEvent)], endTick: Int) -> MIDITrack {
        var out = events.enumerated().sorted { ($0.element.tick, $0.offset) < ($1.element.tick, $1.offset) }
            .map { MIDITrackEvent(tick: $0.element.tick, event: $0.element.event) }
        out.append(MIDITrackEvent(tick: max(endTick, out.last?.tick ?? 0), event: .meta(.endOfTrack)))
        return MIDITrack(events: out)
    }
}
