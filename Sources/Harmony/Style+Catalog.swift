import Notation

extension Style {
    /// Every style, in the order of ``Style/Kind``. Tempi are beats per minute of the meter's beat (see
    /// ``Style/MeterOption``); the corpus (O'Neill's, Ryan's Mammoth, Aird's Airs) has many reels, jigs,
    /// hornpipes, slip jigs, strathspeys and airs, but no polkas and few waltzes or marches, so those three
    /// are ``Style/Source/ruleGuided``.
    public static let catalog: [Style] = [folk, reel, jig, slipJig, hornpipe, strathspey, polka, waltz, march, air]

    /// The style of a kind.
    public static func of(_ kind: Kind) -> Style {
        catalog.first { $0.kind == kind }!
    }

    /// Folk tune of any type: any meter, plain accompaniment.
    public static let folk = Style(
        kind: .folk,
        meters: [.init(.fourFour, beatsPerMinute: 80...140, default: 112),
                 .init(.threeFour, beatsPerMinute: 90...150, default: 120),
                 .init(.sixEight, beatsPerMinute: 70...120, default: 100),
                 .init(.twoFour, beatsPerMinute: 90...140, default: 116),
                 .init(.cutTime, beatsPerMinute: 60...110, default: 90),
                 .init(.nineEight, beatsPerMinute: 70...120, default: 100)],
        acceptsAnyMeter: true, feel: .straight, form: Form("AB", barsPerSection: 8), harmonicRhythm: .halfBar,
        source: .learned, instruments: Instrumentation(melody: .fiddle, chords: .guitar, bass: .acousticBass),
        drumsByDefault: false, accompaniment: "the meter's own vamp: bass on the first beat, chords on the others")

    /// Reel: C| (or 4/4), fast, even quavers, AABB of 8 bars, boom-chick.
    public static let reel = Style(
        kind: .reel,
        meters: [.init(.cutTime, beatsPerMinute: 90...124, default: 112),
                 .init(.commonTime, beatsPerMinute: 180...248, default: 224)],
        acceptsAnyMeter: false, feel: .straight, form: Form("AABB", barsPerSection: 8), harmonicRhythm: .halfBar,
        source: .learned, instruments: Instrumentation(melody: .fiddle, chords: .guitar, bass: .acousticBass),
        drumsByDefault: true, accompaniment: "boom-chick: bass on beats 1 and 3, chords on 2 and 4")

    /// Jig (double jig): 6/8, quavers in threes, AABB of 8 bars.
    public static let jig = Style(
        kind: .jig,
        meters: [.init(.sixEight, beatsPerMinute: 100...132, default: 120)],
        acceptsAnyMeter: false, feel: .compound, form: Form("AABB", barsPerSection: 8), harmonicRhythm: .halfBar,
        source: .learned, instruments: Instrumentation(melody: .flute, chords: .guitar, bass: .acousticBass),
        drumsByDefault: true, accompaniment: "bass - rest - chord on each dotted crotchet")

    /// Slip jig: 9/8, three dotted beats.
    public static let slipJig = Style(
        kind: .slipJig,
        meters: [.init(.nineEight, beatsPerMinute: 100...132, default: 116)],
        acceptsAnyMeter: false, feel: .compound, form: Form("AABB", barsPerSection: 8), harmonicRhythm: .bar,
        source: .learned, instruments: Instrumentation(melody: .whistle, chords: .guitar, bass: .acousticBass),
        drumsByDefault: false, accompaniment: "bass - rest - chord on each of the three dotted crotchets")

    /// Hornpipe: C, dotted pairs, slower than a reel.
    public static let hornpipe = Style(
        kind: .hornpipe,
        meters: [.init(.commonTime, beatsPerMinute: 132...176, default: 152)],
        acceptsAnyMeter: false, feel: .dotted, form: Form("AABB", barsPerSection: 8), harmonicRhythm: .halfBar,
        source: .learned, instruments: Instrumentation(melody: .fiddle, chords: .piano, bass: .acousticBass),
        drumsByDefault: false, accompaniment: "boom-chick in crotchets, bass walking into the next bar")

    /// Strathspey: C with Scotch snaps.
    public static let strathspey = Style(
        kind: .strathspey,
        meters: [.init(.commonTime, beatsPerMinute: 120...160, default: 136)],
        acceptsAnyMeter: false, feel: .scotchSnap, form: Form("AABB", barsPerSection: 8), harmonicRhythm: .halfBar,
        source: .learned, instruments: Instrumentation(melody: .fiddle, chords: .piano, bass: .contrabass),
        drumsByDefault: false, accompaniment: "bass on 1 and 3, snapped chords on 2 and 4")

    /// Polka: 2/4, brisk; rule-guided (no polkas in the corpus).
    public static let polka = Style(
        kind: .polka,
        meters: [.init(.twoFour, beatsPerMinute: 120...160, default: 138)],
        acceptsAnyMeter: false, feel: .straight, form: Form("AABB", barsPerSection: 8), harmonicRhythm: .bar,
        source: .ruleGuided, instruments: Instrumentation(melody: .accordion, chords: .piano, bass: .tuba),
        drumsByDefault: true, accompaniment: "boom-chick in quavers")

    /// Waltz: 3/4; rule-guided (few in the corpus).
    public static let waltz = Style(
        kind: .waltz,
        meters: [.init(.threeFour, beatsPerMinute: 120...180, default: 150)],
        acceptsAnyMeter: false, feel: .straight, form: Form("AABB", barsPerSection: 8), harmonicRhythm: .bar,
        source: .ruleGuided, instruments: Instrumentation(melody: .accordion, chords: .piano, bass: .acousticBass),
        drumsByDefault: false, accompaniment: "oom-pah-pah: bass on 1, chords on 2 and 3")

    /// March: 2/4 or 6/8; rule-guided (few in the corpus).
    public static let march = Style(
        kind: .march,
        meters: [.init(.twoFour, beatsPerMinute: 100...126, default: 112),
                 .init(.sixEight, beatsPerMinute: 100...126, default: 112)],
        acceptsAnyMeter: false, feel: .straight, form: Form("AABB", barsPerSection: 8), harmonicRhythm: .bar,
        source: .ruleGuided, instruments: Instrumentation(melody: .flute, chords: .piano, bass: .tuba),
        drumsByDefault: true, accompaniment: "boom-chick (2/4) or bass - rest - chord (6/8), snare drum")

    /// Air: 3/4, 4/4 or 6/8, slow, sustained accompaniment.
    public static let air = Style(
        kind: .air,
        meters: [.init(.threeFour, beatsPerMinute: 60...100, default: 80),
                 .init(.fourFour, beatsPerMinute: 56...96, default: 76),
                 .init(.sixEight, beatsPerMinute: 40...72, default: 56)],
        acceptsAnyMeter: false, feel: .straight, form: Form("AABA", barsPerSection: 8), harmonicRhythm: .halfBar,
        source: .learned, instruments: Instrumentation(melody: .flute, chords: .harp, bass: .contrabass),
        drumsByDefault: false, accompaniment: "held bass, broken or held chords")
}
