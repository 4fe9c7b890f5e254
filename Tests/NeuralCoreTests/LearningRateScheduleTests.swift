import Testing
@testable import NeuralCore

@Test func warmUpThenCosineThenFloor() throws {
    let s = try LearningRateSchedule(maxRate: 1e-3, minRate: 1e-4, warmupSteps: 9, decaySteps: 109)
    #expect(abs(s.rate(at: 0) - 1e-4) < 1e-9)          // (0 + 1) / (9 + 1) of the peak
    #expect(abs(s.rate(at: 8) - 9e-4) < 1e-9)
    #expect(abs(s.rate(at: 9) - 1e-3) < 1e-9)          // end of warm-up: the peak
    #expect(abs(s.rate(at: 59) - 5.5e-4) < 1e-8)       // half-way: the mean of peak and floor
    #expect(abs(s.rate(at: 109) - 1e-4) < 1e-9)
    #expect(s.rate(at: 10_000) == 1e-4)
    for step in 9..<108 { #expect(s.rate(at: step + 1) <= s.rate(at: step)) }
}

@Test func inconsistentSchedulesAreErrors() {
    #expect(throws: NeuralCoreError.self) { try LearningRateSchedule(maxRate: 1e-3, minRate: 0, warmupSteps: 10, decaySteps: 5) }
    #expect(throws: NeuralCoreError.self) { try LearningRateSchedule(maxRate: 1e-4, minRate: 1e-3, warmupSteps: 0, decaySteps: 5) }
}
