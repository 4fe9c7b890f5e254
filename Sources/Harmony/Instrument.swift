/// An instrument of an arrangement: a General MIDI program and the notes it can play.
public struct Instrument: Sendable, Hashable, Codable {
    /// A readable name ("Fiddle", "Acoustic Bass").
    public var name: String
    /// General MIDI program number 0...127 (0-based: 40 is Violin).
    public var program: Int
    /// The playable range as MIDI note numbers; every note written for it stays inside.
    public var range: ClosedRange<Int>

    /// Creates an instrument.
    public init(name: String, program: Int, range: ClosedRange<Int>) {
        self.name = name
        self.program = program
        self.range = range
    }

    // Ranges below are the usual written compass of each instrument (sounding pitch, MIDI numbers).

    /// Violin (GM 40): G3 up to E7.
    public static let fiddle = Instrument(name: "Fiddle", program: 40, range: 55...100)
    /// Flute (GM 73): C4 up to C7.
    public static let flute = Instrument(name: "Flute", program: 73, range: 60...96)
    /// Tin whistle, GM Whistle (78): D5 up to D7.
    public static let whistle = Instrument(name: "Whistle", program: 78, range: 74...98)
    /// Accordion (GM 21): F3 up to A6 (right hand).
    public static let accordion = Instrument(name: "Accordion", program: 21, range: 53...93)
    /// Bagpipe (GM 109): the chanter's nine notes G4 up to A5.
    public static let pipes = Instrument(name: "Bagpipe", program: 109, range: 67...81)
    /// Acoustic Grand Piano (GM 0), the part of its compass used for accompaniment: C2 up to C7.
    public static let piano = Instrument(name: "Piano", program: 0, range: 36...96)
    /// Acoustic Guitar, steel (GM 25): E2 up to B5.
    public static let guitar = Instrument(name: "Acoustic Guitar", program: 25, range: 40...83)
    /// Acoustic Guitar, nylon (GM 24): E2 up to B5.
    public static let nylonGuitar = Instrument(name: "Nylon Guitar", program: 24, range: 40...83)
    /// Harp (GM 46), the part used for chords: C2 up to C7.
    public static let harp = Instrument(name: "Harp", program: 46, range: 36...96)
    /// Acoustic Bass (GM 32): E1 up to G3.
    public static let acousticBass = Instrument(name: "Acoustic Bass", program: 32, range: 28...55)
    /// Contrabass, bowed (GM 43): E1 up to G3.
    public static let contrabass = Instrument(name: "Contrabass", program: 43, range: 28...55)
    /// Tuba (GM 58): D1 up to F4, used here up to C4.
    public static let tuba = Instrument(name: "Tuba", program: 58, range: 26...60)
    /// The General MIDI percussion key map on channel 10 (program 0, Standard Kit): keys 35...81.
    public static let drumKit = Instrument(name: "Drums", program: 0, range: 35...81)
}

/// The instruments a style uses for melody, chords and bass.
public struct Instrumentation: Sendable, Hashable, Codable {
    /// Plays the tune.
    public var melody: Instrument
    /// Plays the voiced chords.
    public var chords: Instrument
    /// Plays the bass line.
    public var bass: Instrument

    /// Creates an instrumentation.
    public init(melody: Instrument, chords: Instrument, bass: Instrument) {
        self.melody = melody
        self.chords = chords
        self.bass = bass
    }
}
