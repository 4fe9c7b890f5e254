import ABCNotation
import Notation
import Tokens

/// Why a corpus tune is not used for training, as `compose corpus stats` reports it.
public enum SkipReason: Error, Sendable, Hashable, CustomStringConvertible {
    /// The ABC reader could not read the tune.
    case unreadable(String)
    /// No usable meter (absent, `none`, or not in the vocabulary).
    case meter(String)
    /// The meter changes inside the tune.
    case meterChange(String)
    /// A plain bar line falls off the meter's grid: the transcription's bars are irregular.
    case irregularBar(String)
    /// The melody cannot be written in the vocabulary.
    case tokens(String)
    /// No notes at all.
    case empty

    /// A short class name for grouping in reports.
    public var category: String {
        switch self {
        case .unreadable: return "ABC reader error"
        case .meter: return "meter not in vocabulary"
        case .meterChange: return "meter changes mid-tune"
        case .irregularBar: return "irregular bar lengths"
        case .tokens: return "outside the vocabulary"
        case .empty: return "no notes"
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let s), .meter(let s), .meterChange(let s), .irregularBar(let s), .tokens(let s): return "\(category): \(s)"
        case .empty: return category
        }
    }
}

/// Turns a parsed ABC tune into the melody the tokenizer reads: the first voice, played once through with
/// each repeated section's last ending (so a part is heard once, ending as it ends the second time), tied
/// notes joined, chords reduced to their top note, and a pickup found from the first bar line.
public enum CorpusMelody {
    /// The tune's melody, or why it cannot be used.
    public static func melody(of tune: ABCTune, style: String) -> Result<Melody, SkipReason> {
        guard let abcMeter = tune.meter else { return .failure(.meter("no M: field (free meter)")) }
        guard let meter = try? Meter(parsing: abcMeter.text) else { return .failure(.meter("M:\(abcMeter.text)")) }
        let elements = singlePass(tune.body)
        if let change = elements.first(where: { if case .meterChange = $0 { return true } else { return false } }) {
            if case .meterChange(let m, _) = change, m.text != abcMeter.text {
                return .failure(.meterChange("M:\(abcMeter.text) then M:\(m.text)"))
            }
        }
        // Notes and rests in time order, ties joined.
        var events: [MusicEvent] = []
        var tiedOpen = false
        for element in elements {
            switch element {
            case .note(let n):
                if tiedOpen, case .note(var last)? = events.last, last.pitch == n.pitch, last.end == n.onset {
                    last.duration += n.duration
                    events[events.count - 1] = .note(last)
                } else if let note = try? Note(pitch: n.pitch, onset: n.onset, duration: n.duration) {
                    events.append(.note(note))
                }
                tiedOpen = n.isTied
            case .chord(let notes, let onset, let duration):
                if let top = notes.max(by: { $0.pitch < $1.pitch }), let note = try? Note(pitch: top.pitch, onset: onset, duration: duration) {
                    events.append(.note(note))
                }
                tiedOpen = false
            case .rest(let onset, let duration):
                if let r = try? Rest(onset: onset, duration: duration) { events.append(.rest(r)) }
                tiedOpen = false
            default: continue
            }
        }
        guard events.contains(where: { if case .note = $0 { return true } else { return false } }) else { return .failure(.empty) }
        let end = events.last!.end

        // The pickup: the first written bar line after the start, when it comes before a full bar.
        let bars: [ABCBar] = elements.compactMap { if case .bar(let b) = $0, !b.text.isEmpty { return b } else { return nil } }
        let firstBar = bars.first(where: { $0.onset > .zero })
        let anacrusis = firstBar.map { $0.onset < meter.barLength ? $0.onset : .zero } ?? .zero
        // Plain bar lines must fall on the grid; section bar lines (repeats, double bars) may sit mid-bar,
        // as they do when a part ends short to balance the next part's pickup.
        for bar in bars where bar.onset > .zero && bar.onset < end && bar.text == "|" && !bar.startsRepeat && !bar.endsRepeat {
            let offset = bar.onset - anacrusis
            if offset < .zero || !(offset / meter.barLength).isInteger {
                return .failure(.irregularBar("bar line at \(bar.location) is \(offset) quarters after the pickup, not a whole number of \(meter.barLength)-quarter bars"))
            }
        }
        return .success(Melody(style: style, meter: meter, key: tune.key, anacrusis: anacrusis, events: events))
    }

    /// The elements played once through: for each run of endings (`[1 … [2 …`), every ending but the last is
    /// left out, and later onsets move back by what was left out.
    static func singlePass(_ elements: [ABCElement]) -> [ABCElement] {
        // Find the bar indices that start endings, and the ending numbers.
        var skip = [Bool](repeating: false, count: elements.count)
        var i = 0
        while i < elements.count {
            guard case .bar(let b) = elements[i], !b.endings.isEmpty else { i += 1; continue }
            // Find the next ending start in this group (before a new repeat start or a section without endings).
            var j = i + 1
            var next: Int?
            while j < elements.count {
                if case .bar(let c) = elements[j] {
                    if !c.endings.isEmpty { next = j; break }
                    if c.startsRepeat { break }
                }
                j += 1
            }
            if let next {
                for k in (i + 1)..<next { skip[k] = true }
                i = next
            } else {
                i += 1
            }
        }
        var shift = Rational.zero
        var out: [ABCElement] = []
        for (k, e) in elements.enumerated() {
            if skip[k] { shift += e.duration; continue }
            out.append(shift == .zero ? e : e.shifted(by: -shift))
        }
        return out
    }
}

extension ABCElement {
    /// The element with its onset moved.
    func shifted(by delta: Rational) -> ABCElement {
        switch self {
        case .note(var n): n.onset += delta; return .note(n)
        case .chord(var notes, let onset, let duration):
            for i in notes.indices { notes[i].onset += delta }
            return .chord(notes: notes, onset: onset + delta, duration: duration)
        case .rest(let onset, let duration): return .rest(onset: onset + delta, duration: duration)
        case .bar(var b): b.onset += delta; return .bar(b)
        case .chordSymbol(let c, let onset): return .chordSymbol(c, onset: onset + delta)
        case .partLabel(let p, let onset): return .partLabel(p, onset: onset + delta)
        case .keyChange(let k, let onset): return .keyChange(k, onset: onset + delta)
        case .meterChange(let m, let onset): return .meterChange(m, onset: onset + delta)
        case .tempoChange(let t, let onset): return .tempoChange(t, onset: onset + delta)
        }
    }
}
