import Notation

extension Style {
    /// The bass + chord patterns this style draws from in a meter (see ``RhythmTable/accompaniment(for:meter:)``).
    public func accompanimentTemplates(in meter: Meter) -> [AccompanimentTemplate] {
        RhythmTable.accompaniment(for: kind, meter: meter)
    }

    /// The percussion patterns this style draws from in a meter.
    public func percussionTemplates(in meter: Meter) -> [PercussionTemplate] {
        RhythmTable.percussion(for: kind, meter: meter)
    }

    /// The melodic rhythm cells, with weights, that a sampler may favour for this style in a meter.
    public func melodicCells(in meter: Meter) -> [MelodicCell] {
        RhythmTable.melodicCells(for: kind, meter: meter)
    }
}
