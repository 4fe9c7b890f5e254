import Foundation
import Notation
import Testing
import MIDIFile

/// MIDI -> Score: exact durations, parts per track and channel, refusals; and every real sample file
/// converted, written from its score and converted again, unchanged.
struct MIDIToScoreTests {
    @Test func theSmallFixtureBecomesAOnePartScoreWithExactDurations() throws {
        let score = try MIDIFile(bytes: Fixtures.smallFormat0).score()
        #expect(score.title == "Tune")
        #expect(score.tempoChanges == [try TempoChange(onset: 0, quarterNotesPerMinute: 120)])
        #expect(score.meterChanges == [MeterChange(onset: 0, meter: .threeFour)])
        try #require(score.parts.count == 1)
        #expect(score.parts[0].name == "Tune" && score.parts[0].program == 0 && score.parts[0].channel == 0)
        let notes = score.parts[0].voices[0].notes
        #expect(notes.map(\.pitch.midi) == [60, 64, 67])
        #expect(notes.map(\.onset) == [0, 1, 2])
        #expect(notes.map(\.duration) == [1, 1, 1])
    }

    @Test func aTrackWithTwoChannelsGivesTwoPartsAndSilencesGiveRests() throws {
        let file = try MIDIFile(bytes: Fixtures.header(format: 0, division: (0x00, 0x03)) + Fixtures.track([
            0x00, 0xFF, 0x03, 0x01, 0x58,  // track name "X"
            0x00, 0xC1, 0x28,              // channel 1: program 40
            0x01, 0x91, 0x45, 0x40,        // tick 1: channel 1 note on A4
            0x00, 0x90, 0x30, 0x40,        // tick 1: channel 0 note on C3
            0x01, 0x81, 0x45, 0x00,        // tick 2: channel 1 note off (1/3 quarter)
            0x05, 0x80, 0x30, 0x00,        // tick 7: channel 0 note off (2 quarters)
            0x02, 0xFF, 0x2F, 0x00,        // tick 9: end of track
        ]))
        let score = try file.score()
        #expect(score.parts.map(\.name) == ["X (channel 2)", "X (channel 1)"])
        #expect(score.parts.map(\.program) == [40, 0])
        let violin = score.parts[0].voices[0].events
        #expect(violin == [.rest(try Rest(onset: 0, duration: Rational(1, 3))),
                           .note(try Note(pitch: try Pitch(midi: 69), onset: Rational(1, 3), duration: Rational(1, 3), velocity: 64)),
                           .rest(try Rest(onset: Rational(2, 3), duration: Rational(7, 3)))])
    }

    @Test func smpteAndMultiSequenceFilesAreRefusedClearly() throws {
        let smpte = try MIDIFile(bytes: Fixtures.header(division: (0xE7, 0x28)) + Fixtures.track(Fixtures.endOfTrack))
        #expect(throws: MIDIFileError.smpteDivisionHasNoQuarterNotes(framesPerSecond: 25, ticksPerFrame: 40)) { try smpte.score() }
        let two = try MIDIFile(bytes: Fixtures.header(format: 2, tracks: 2) + Fixtures.track(Fixtures.endOfTrack) + Fixtures.track(Fixtures.endOfTrack))
        #expect(throws: MIDIFileError.multipleSequences(count: 2)) { try two.score() }
    }

    @Test func aTimeSignatureThatIsNoMeterNamesItsTrackAndTick() throws {
        let file = try MIDIFile(bytes: Fixtures.header() + Fixtures.track([
            0x10, 0xFF, 0x58, 0x04, 0x00, 0x02, 0x18, 0x08,  // tick 16: time signature 0/4
        ] + Fixtures.endOfTrack))
        #expect(throws: MIDIFileError.self) { try file.score() }
        do { _ = try file.score() } catch {
            #expect(error.track == 0 && error.description.hasPrefix("track 0, tick 16:"))
        }
    }

    @Test(.enabled(if: SampleCorpus.isAvailable, "needs ../shared/midi-samples"))
    func everySampleFileConvertsAndSurvivesScoreWriteRead() throws {
        var converted = 0
        for (path, bytes) in try SampleCorpus.load() {
            guard let file = try? MIDIFile(bytes: bytes) else { continue }
            let score: Score
            do {
                score = try file.score()
            } catch {
                // Only the refusals the README lists: format 2 with several sequences, SMPTE time.
                #expect(file.format == .multiSequence || file.division.ticksPerQuarter == nil, "\(path): \(error)")
                continue
            }
            converted += 1
            let paired = file.tracks.reduce(0) { $0 + $1.notes().notes.filter { $0.end > $0.start }.count }
            #expect(score.parts.reduce(0) { $0 + $1.voices[0].notes.count } == paired, "\(path)")
            let again = try MIDIFile(bytes: MIDIFile(score: score, ticksPerQuarter: file.division.ticksPerQuarter!).bytes()).score()
            #expect(again == score, "\(path)")
        }
        #expect(converted > 150)
    }
}
