import Testing
@testable import Notation
@testable import Tokens

@Suite struct BarGrammarTests {
    /// Samples uniformly among allowed tokens until `<eos>`: any sampler that respects the mask must end
    /// with exactly the bars asked for, each full.
    @Test(arguments: 0..<200) func randomSamplingGivesExactBars(seed: Int) throws {
        var g = SplitMix(seed: UInt64(seed) &+ 77)
        let meters: [Meter] = [.sixEight, .fourFour, .threeFour, .nineEight, .cutTime, .twoFour, .twelveEight]
        let meter = meters[seed % meters.count]
        let bars = 1 + Int(g.next() % 16)
        let pickup: Rational = seed % 3 == 0 ? meter.beats.last! : .zero
        var grammar = BarGrammar(meter: meter, bars: bars, anacrusis: pickup)
        let vocab = Vocabulary.standard
        var body: [Token] = []
        var steps = 0
        while !grammar.isDone {
            let allowed = grammar.allowedMask().enumerated().filter(\.element).map(\.offset)
            try #require(!allowed.isEmpty, "dead end at seed \(seed)")
            let id = allowed[Int(g.next() % UInt64(allowed.count))]
            try grammar.accept(id)
            body.append(vocab[id])
            steps += 1
            try #require(steps < 10_000)
        }
        let tokens: [Token] = [.begin, .style("folk"), .meter(meter.description), .mode(.major)] + body
        let melody = try MelodyTokenizer().decode(tokens: tokens, tonic: PitchSpelling(.c))
        let score = Score(parts: [try Part(name: "m", voices: [Voice(events: melody.events)])],
                          meterChanges: [MeterChange(meter: meter)], anacrusis: pickup)
        let written = score.bars(of: Voice(events: melody.events))
        let total = pickup > .zero ? bars + 1 : bars
        #expect(written.count == total, "seed \(seed)")
        #expect(melody.end == Rational(bars) * meter.barLength, "seed \(seed)")
        for bar in written.dropLast() { #expect(bar.isFull, "seed \(seed) bar \(bar.index)") }
    }

    @Test func refusesOverfullBars() throws {
        var grammar = BarGrammar(meter: .threeFour, bars: 1)
        let v = Vocabulary.standard
        try grammar.accept(v.id(of: .pitch(0))!)
        #expect(!grammar.allows(v.id(of: .duration(4))!))
        try grammar.accept(v.id(of: .duration(3))!)
        #expect(grammar.allowedMask().enumerated().filter(\.element).map(\.offset) == [v.id(of: .bar)!])
        try grammar.accept(v.id(of: .bar)!)
        #expect(throws: TokenizeError.self) { try grammar.accept(v.id(of: .pitch(2))!) }
        try grammar.accept(v.id(of: .end)!)
        #expect(grammar.isDone)
    }
}
