import ABCNotation
import Notation
import Testing
import Tokens
@testable import Corpus

@Suite struct TuneCorpusTests {
    static let corpus: TuneCorpus? = try? TuneCorpus(folder: Paths.corpus)

    @Test func everyUsableTuneRoundTripsThroughTokensExactly() throws {
        let corpus = try #require(Self.corpus)
        let tokenizer = MelodyTokenizer()
        var failures: [String] = []
        for tune in corpus.tunes {
            let back = try tokenizer.decode(tune.tokens, tonic: tune.melody.key.tonic)
            if back.notes != tune.melody.notes || back.anacrusis != tune.melody.anacrusis || back.meter != tune.melody.meter {
                failures.append(tune.id.description)
            }
        }
        #expect(failures.isEmpty, "\(failures.count) tunes do not round-trip, first: \(failures.prefix(5))")
        #expect(corpus.tunes.count > corpus.skipped.count * 5, "most tunes are usable")
    }

    @Test func splitAndLabelsAreConsistent() throws {
        let corpus = try #require(Self.corpus)
        #expect(corpus.split.all.count == corpus.tunes.count + corpus.skipped.count)
        let share = Double(corpus.validationTunes.count) / Double(corpus.tunes.count)
        #expect(share > 0.03 && share < 0.07)
        #expect(corpus.tunes.allSatisfy { Vocabulary.styles.contains($0.style) })
        #expect(corpus.hash.count == 16)
        // Every skipped tune says why.
        #expect(corpus.skipped.allSatisfy { !$0.reason.description.isEmpty })
    }

    @Test func styleLabels() {
        #expect(StyleLabeler.label(collection: .ryansMammoth, number: 1, rhythm: "Clog", meter: nil) == "hornpipe")
        #expect(StyleLabeler.label(collection: .ryansMammoth, number: 1, rhythm: "Double Jig", meter: nil) == "jig")
        #expect(StyleLabeler.label(collection: .oneills1850, number: 700, rhythm: nil, meter: .sixEight) == "jig")
        #expect(StyleLabeler.label(collection: .oneills1850, number: 700, rhythm: nil, meter: .threeFour) == "folk")
        #expect(StyleLabeler.label(collection: .oneills1850, number: 1200, rhythm: nil, meter: .cutTime) == "reel")
        #expect(StyleLabeler.label(collection: .oneills1850, number: 100, rhythm: nil, meter: .twoFour) == "march")
        #expect(StyleLabeler.label(collection: .airdsAirs, number: 5, rhythm: nil, meter: .threeFour) == "folk")
    }

    @Test func singlePassTakesTheLastEndingAndFindsThePickup() throws {
        let abc = """
            X:1
            T:Endings
            M:2/4
            L:1/8
            K:G
            D|:GA Bc|1 d2 cA:|2 d2 g2||
            """
        let book = ABCTunebook(text: abc)
        let tune = try #require(book.tunes.first)
        let melody = try CorpusMelody.melody(of: tune, style: "folk").get()
        #expect(melody.anacrusis == Rational(1, 2))
        #expect(melody.notes.map(\.pitch.midi) == [62, 67, 69, 71, 72, 74, 79])
        #expect(melody.notes.last!.onset == Rational(7, 2))
    }

    @Test func irregularBarsAreSkippedWithTheirPlace() throws {
        let abc = "X:1\nT:Bad\nM:2/4\nL:1/8\nK:G\nGABc|dcB|GABc|\n"
        let tune = try #require(ABCTunebook(text: abc).tunes.first)
        guard case .failure(.irregularBar(let where_)) = CorpusMelody.melody(of: tune, style: "folk") else {
            Issue.record("expected an irregular-bar skip"); return
        }
        #expect(where_.contains("6:"))
    }
}
