import Notation

/// Checks the engine runs on a finished score: voice-leading faults, note ranges, full bars.
public enum ArrangementCheck {
    /// Consecutive fifths and octaves between every pair of the voices (see
    /// ``VoiceLeadingCheck/parallelFifthsAndOctaves(in:)``).
    public static func parallelFifthsAndOctaves(in voices: [Voice]) -> Int {
        VoiceLeadingCheck.parallelFifthsAndOctaves(in: voices)
    }

    /// A chord part's voice split into `count` lines: line i holds the i-th lowest pitch of each chord
    /// event; a single note (a broken-chord stroke) goes to line 0.
    public static func lines(of voice: Voice, count: Int) -> [Voice] {
        (0..<count).map { i in
            Voice(name: "\(voice.name) \(i + 1)", events: voice.events.compactMap { event -> MusicEvent? in
                switch event {
                case .chord(let c) where c.pitches.count > i:
                    return .note(try! Note(pitch: c.pitches[i], onset: c.onset, duration: c.duration, velocity: c.velocity))
                case .note(let n) where i == 0:
                    return .note(n)
                default:
                    return nil
                }
            })
        }
    }

    /// Every note of a part outside a range (empty when all fit).
    public static func notesOutside(_ range: ClosedRange<Int>, in part: Part) -> [Note] {
        part.voices.flatMap(\.notes).filter { !range.contains($0.pitch.midi) }
    }

    /// Indices of the bars of a voice that its events (rests included) do not fill exactly, by the score's
    /// meter map and anacrusis (``Score/bars(of:)``, ``Bar/isFull``).
    public static func unfilledBars(of voice: Voice, in score: Score) -> [Int] {
        score.bars(of: voice).filter { !$0.isFull }.map(\.index)
    }
}
