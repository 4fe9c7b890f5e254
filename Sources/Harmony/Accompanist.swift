import Notation

/// Choices for an accompaniment beyond what the style sets.
public struct AccompanimentOptions: Sendable, Hashable {
    /// Add a percussion part: nil follows ``Style/drumsByDefault``.
    public var drums: Bool?
    /// Play approach notes (`A` in a bass lane) a scale step from the next chord's root; off: play the fifth.
    public var walkingBass: Bool
    /// Voice ranges for the chord realisation; they are narrowed to the chord and bass instruments' ranges.
    public var voiceRanges: VoiceRanges

    /// Creates options.
    public init(drums: Bool? = nil, walkingBass: Bool = true, voiceRanges: VoiceRanges = .accompaniment) {
        self.drums = drums
        self.walkingBass = walkingBass
        self.voiceRanges = voiceRanges
    }
}

/// The accompaniment parts and how they were made.
public struct Accompaniment: Sendable, Hashable {
    /// "Chords": the voiced upper voices in the pattern's rhythm, with the chord symbols.
    public var chords: Part
    /// "Bass": root, fifth and approach notes.
    public var bass: Part
    /// "Drums" on channel 9 (General MIDI channel 10), when asked for.
    public var drums: Part?
    /// The voicing of each chord span, in time order.
    public var voicings: [VoicedChord]
    /// The id of the accompaniment template used in each full bar.
    public var templates: [String]

    /// The parts in the order chords, bass, drums.
    public var parts: [Part] { [chords, bass] + (drums.map { [$0] } ?? []) }
}

/// Turns chord symbols into accompaniment parts following a style's rhythm templates.
///
/// The chord sequence is voiced once (``VoiceLeader``), then every full bar draws one accompaniment row and
/// (with drums) one percussion row from ``RhythmTable`` with the caller's generator. Each stroke takes the
/// chord sounding at its start and is cut where the chord changes. Gaps are filled with rests so that every
/// bar of every voice is exactly full, the pickup included. Every note is checked against its instrument's
/// range; a note outside throws ``HarmonyError/noteOutOfRange(part:pitch:range:onset:)``.
public struct Accompanist: Sendable {
    /// The style (patterns, instruments).
    public var style: Style
    /// The key (approach notes, leading tone).
    public var key: Key
    /// The meter.
    public var meter: Meter
    /// Length of the pickup before the first full bar.
    public var anacrusis: Rational
    /// Options.
    public var options: AccompanimentOptions

    /// Channels used: chords on 1, bass on 2, drums on 9 (the melody keeps 0).
    public static let chordChannel = 1, bassChannel = 2, drumChannel = 9

    /// Creates an accompanist.
    public init(style: Style, key: Key, meter: Meter, anacrusis: Rational = .zero, options: AccompanimentOptions = .init()) {
        self.style = style
        self.key = key
        self.meter = meter
        self.anacrusis = anacrusis
        self.options = options
    }

    /// The voice ranges narrowed to the instruments (bass voice to the bass instrument, upper voices to
    /// the chord instrument).
    var ranges: VoiceRanges {
        func clip(_ r: ClosedRange<Int>, _ to: ClosedRange<Int>) -> ClosedRange<Int> {
            let lo = max(r.lowerBound, to.lowerBound), hi = min(r.upperBound, to.upperBound)
            return lo <= hi ? lo...hi : to.lowerBound...to.lowerBound
        }
        let r = options.voiceRanges, chords = style.instruments.chords.range
        return VoiceRanges(bass: clip(r.bass, style.instruments.bass.range), tenor: clip(r.tenor, chords),
                           alto: clip(r.alto, chords), soprano: clip(r.soprano, chords))
    }

    /// Accompaniment for chord symbols over a tune ending at `end` (rounded up to a whole bar).
    public func accompany(_ chords: [TimedChordSymbol], until end: Rational,
                          using rng: inout some RandomNumberGenerator) throws(HarmonyError) -> Accompaniment {
        guard anacrusis >= .zero, anacrusis < meter.barLength else {
            throw .invalidAnacrusis(length: anacrusis, barLength: meter.barLength)
        }
        guard !chords.isEmpty else { throw .invalidChordSequence(reason: "no chord symbols") }
        for (a, b) in zip(chords, chords.dropFirst()) where !(a.onset < b.onset) {
            throw .invalidChordSequence(reason: "chord \(b.symbol) at \(b.onset) does not come after \(a.symbol) at \(a.onset)")
        }
        guard chords[0].onset >= .zero else {
            throw .invalidChordSequence(reason: "chord \(chords[0].symbol) starts before the tune, at \(chords[0].onset)")
        }
        let barLength = meter.barLength
        let q = (max(end, anacrusis + barLength) - anacrusis) / barLength
        let barCount = q.isInteger ? q.floor : q.floor + 1
        let total = anacrusis + Rational(barCount) * barLength
        guard chords.last!.onset < total else {
            throw .invalidChordSequence(reason: "chord \(chords.last!.symbol) at \(chords.last!.onset) starts after the tune ends at \(total)")
        }
        let spans = ChordSpans(chords: chords, end: total)
        let voicings = try VoiceLeader(ranges: ranges, key: key).voice(chords.map(\.symbol))

        var chordEvents: [MusicEvent] = [], bassEvents: [MusicEvent] = []
        var drumEvents: [Int: [MusicEvent]] = [:]
        var used: [String] = []
        let rows = RhythmTable.accompaniment(for: style.kind, meter: meter)
        let drumRows = RhythmTable.percussion(for: style.kind, meter: meter)
        let withDrums = options.drums ?? style.drumsByDefault
        for bar in 0..<barCount {
            let start = anacrusis + Rational(bar) * barLength
            let row = WeightedChoice.pick(rows, weight: \.weight, using: &rng)!
            used.append(row.id)
            for hit in try row.chordHits() {
                for piece in spans.pieces(from: start + hit.offset, length: hit.duration) {
                    chordEvents.append(try chordEvent(hit, piece: piece, voicing: voicings[piece.span]))
                }
            }
            for hit in try row.bassHits() {
                for piece in spans.pieces(from: start + hit.offset, length: hit.duration) {
                    let pitch = try bassPitch(hit.symbol, span: piece.span, voicings: voicings, onset: piece.onset)
                    bassEvents.append(.note(try note(pitch, piece.onset, piece.length, hit.accented ? 88 : 72)))
                }
            }
            if withDrums {
                let drumRow = WeightedChoice.pick(drumRows, weight: \.weight, using: &rng)!
                for (hit, drumKey) in try drumRow.hits() {
                    drumEvents[drumKey, default: []].append(
                        .note(try note(drumKey, start + hit.offset, hit.duration, hit.accented ? 100 : 70)))
                }
            }
        }

        let instruments = style.instruments
        try Self.checkRange(chordEvents, part: "Chords", range: instruments.chords.range)
        try Self.checkRange(bassEvents, part: "Bass", range: instruments.bass.range)
        let chordPart = try part("Chords", instruments.chords.program, Self.chordChannel,
                                 [Voice(name: "Chords", events: Self.filled(chordEvents, until: total))], chords)
        let bassPart = try part("Bass", instruments.bass.program, Self.bassChannel,
                                [Voice(name: "Bass", events: Self.filled(bassEvents, until: total))], [])
        var drumPart: Part?
        if withDrums {
            let voices = drumEvents.keys.sorted().map { drumKey in
                Voice(name: "Drum \(drumKey)", events: Self.filled(drumEvents[drumKey]!, until: total))
            }
            for voice in voices { try Self.checkRange(voice.events, part: "Drums", range: Instrument.drumKit.range) }
            drumPart = try part("Drums", Instrument.drumKit.program, Self.drumChannel, voices, [])
        }
        return Accompaniment(chords: chordPart, bass: bassPart, drums: drumPart, voicings: voicings, templates: used)
    }

    func note(_ pitch: Int, _ onset: Rational, _ duration: Rational, _ velocity: Int) throws(HarmonyError) -> Note {
        do {
            return try Note(pitch: try Pitch(midi: pitch), onset: onset, duration: duration, velocity: velocity)
        } catch { throw .notation(error) }
    }

    func part(_ name: String, _ program: Int, _ channel: Int, _ voices: [Voice],
              _ symbols: [TimedChordSymbol]) throws(HarmonyError) -> Part {
        do { return try Part(name: name, program: program, channel: channel, voices: voices, chordSymbols: symbols) }
        catch { throw .notation(error) }
    }

    /// A chord-lane stroke: all three upper voices, or one of them for `1` `2` `3`.
    func chordEvent(_ hit: Hit, piece: ChordSpans.Piece, voicing: VoicedChord) throws(HarmonyError) -> MusicEvent {
        let velocity = hit.accented ? 80 : 64
        if let index = Int(String(hit.symbol)), (1...3).contains(index) {
            return .note(try note(voicing.upper[index - 1].midi, piece.onset, piece.length, velocity))
        }
        do {
            return .chord(try Chord(pitches: voicing.upper, onset: piece.onset, duration: piece.length, velocity: velocity))
        } catch { throw .notation(error) }
    }

    /// Throws when a note of the events lies outside the range.
    static func checkRange(_ events: [MusicEvent], part: String, range: ClosedRange<Int>) throws(HarmonyError) {
        for event in events {
            for pitch in event.pitches where !range.contains(pitch.midi) {
                throw .noteOutOfRange(part: part, pitch: pitch.midi, range: range, onset: event.onset)
            }
        }
    }

    /// The events in time order with rests in every gap from 0 to `end`.
    static func filled(_ events: [MusicEvent], until end: Rational) -> [MusicEvent] {
        var result: [MusicEvent] = []
        var t = Rational.zero
        for event in events.sorted(by: { $0.onset < $1.onset }) {
            if event.onset > t { result.append(.rest(try! Rest(onset: t, duration: event.onset - t))) }
            result.append(event)
            t = event.end
        }
        if end > t { result.append(.rest(try! Rest(onset: t, duration: end - t))) }
        return result
    }
}
