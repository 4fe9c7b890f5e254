/// One bar of a voice: where it starts, how long the meter makes it, and the events sounding in it.
public struct Bar: Sendable, Hashable, Codable {
    /// The bar's number, 0-based (a pickup bar is bar 0 when the score has an anacrusis).
    public var index: Int
    /// When the bar starts, in quarter notes.
    public var start: Rational
    /// Its length by the meter in force (the pickup's length for a pickup bar).
    public var length: Rational
    /// The meter in force.
    public var meter: Meter
    /// The events that sound in this bar, cut at the bar lines.
    public var events: [BarEvent]

    /// When the bar ends.
    public var end: Rational { start + length }

    /// True when the events (rests included) fill the bar exactly, with no gap or overlap in time.
    public var isFull: Bool {
        var t = start
        for e in events.sorted(by: { $0.event.onset < $1.event.onset }) {
            guard e.event.onset == t else { return false }
            t = e.event.end
        }
        return t == end
    }
}

/// An event as it falls in one bar: cut at the bar lines, with ties marking where it was cut.
public struct BarEvent: Sendable, Hashable, Codable {
    /// The part of the event inside the bar.
    public var event: MusicEvent
    /// True when the event began in an earlier bar (a tie arrives from the left).
    public var tiedFromPrevious: Bool
    /// True when the event continues into the next bar (a tie leaves to the right).
    public var tiedToNext: Bool
}

extension Score {
    /// The bar lines from the start to `end` (at least one bar), following the anacrusis and meter map.
    /// Each bar is (start, length, meter). A meter change takes effect at the next bar line at or after it.
    public func barGrid(until end: Rational? = nil) -> [(start: Rational, length: Rational, meter: Meter)] {
        let stop = end ?? self.end
        var grid: [(Rational, Rational, Meter)] = []
        var t = Rational.zero
        if anacrusis > .zero {
            grid.append((t, anacrusis, meter(at: .zero)))
            t = anacrusis
        }
        repeat {
            let m = meter(at: t)
            var length = m.barLength
            // A meter change in the middle of this bar shortens it to the change.
            if let next = meterChanges.first(where: { $0.onset > t && $0.onset < t + length }) {
                length = next.onset - t
            }
            grid.append((t, length, m))
            t += length
        } while t < stop
        return grid
    }

    /// Splits a voice into bars: every event is placed in each bar it sounds in, cut at the bar lines, with
    /// tie flags where it was cut. Bars with no events are included so that bar numbers are positions.
    public func bars(of voice: Voice) -> [Bar] {
        let grid = barGrid(until: voice.end)
        var bars = grid.enumerated().map { i, g in
            Bar(index: i, start: g.start, length: g.length, meter: g.meter, events: [])
        }
        var barIndex = 0
        for event in voice.events {
            // Events are sorted by onset, so the first bar to look at only moves forward.
            while barIndex + 1 < bars.count && bars[barIndex].end <= event.onset { barIndex += 1 }
            var b = barIndex
            while b < bars.count && bars[b].start < event.end {
                let from = max(event.onset, bars[b].start)
                let to = min(event.end, bars[b].end)
                if to > from {
                    let piece = event.moved(to: from).resized(to: to - from)
                    bars[b].events.append(BarEvent(event: piece, tiedFromPrevious: from > event.onset,
                                                   tiedToNext: to < event.end))
                }
                b += 1
            }
        }
        return bars
    }
}
