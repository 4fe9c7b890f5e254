import Testing
@testable import NeuralCore

/// On glibc both malloc settings are accepted (the C side only calls mallopt when it sees glibc's headers).
@Test func trainingMemorySettingsAreAcceptedOnGlibc() {
    #if canImport(Glibc)
    #expect(TrainingMemory.keepFreedBlocksMapped())
    #else
    #expect(!TrainingMemory.keepFreedBlocksMapped())
    #endif
}
