import ABCNotation
import Foundation
import MIDIFile
import Testing

@Suite struct HarmonizeCommandTests {
    @Test func addsChordsAndAccompanimentAndLeavesTheMelodyAsItIs() throws {
        let dir = try ComposeRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = "Examples/tunes/the-kesh.abc"
        let r = try ComposeRunner.run(["harmonize", input, "--style", "jig", "-o", dir + "/kesh.mid"])
        #expect(r.status == 0, "\(r.stderr)")
        let score = try MIDIFile(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: dir + "/kesh.mid")))).score()
        #expect(score.parts.map(\.name).suffix(3) == ["Chords", "Bass", "Drums"])
        let original = try ABCTunebook(contentsOf: ComposeRunner.repository + "/" + input).tunes[0].score()
        let before = original.parts[0].voices.flatMap(\.notes).map { [$0.pitch.midi, $0.onset.numerator * 1000 / $0.onset.denominator] }
        let after = score.parts[0].voices.flatMap(\.notes).map { [$0.pitch.midi, $0.onset.numerator * 1000 / $0.onset.denominator] }
        #expect(before == after)

        let abc = try ComposeRunner.run(["harmonize", input, "--style", "jig", "-o", dir + "/kesh.abc"])
        #expect(abc.status == 0)
        #expect(try String(contentsOfFile: dir + "/kesh.abc", encoding: .utf8).contains("\"G\""))
    }

    @Test func aStyleThatDoesNotFitTheMeterIsAUsageError() throws {
        let r = try ComposeRunner.run(["harmonize", "Examples/tunes/the-kesh.abc", "--style", "waltz"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("waltz is not played in 6/8"), "\(r.stderr)")
    }
}
