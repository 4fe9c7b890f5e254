import Foundation
import Testing
@testable import NeuralCore

@Suite struct OpenBLASLibraryTests {
    @Test func theCPUIsRead() throws {
        let info = try #require(CPUInfo.current, "/proc/cpuinfo has a flags line on Linux")
        #expect(!info.vendor.isEmpty)
        #expect(info.flags.contains("sse2"), "every x86-64 CPU has SSE2; flags: \(info.flags.sorted().prefix(8))")
    }

    /// The kernel family asked for follows the instruction sets, whatever the CPU model: what OpenBLAS 0.3.21
    /// gives the CPUs it knows, for the ones it does not (it ran Haswell kernels on Zen 5 and SSE3 ones on
    /// Emerald Rapids).
    @Test func theKernelFamilyFollowsTheInstructionSets() {
        let avx512: Set = ["sse2", "avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]
        #expect(OpenBLASLibrary.preferredCoreType(vendor: "GenuineIntel", flags: avx512.union(["avx512_bf16"])) == "Cooperlake")
        #expect(OpenBLASLibrary.preferredCoreType(vendor: "AuthenticAMD", flags: avx512.union(["avx512_bf16"])) == "Cooperlake")
        #expect(OpenBLASLibrary.preferredCoreType(vendor: "GenuineIntel", flags: avx512) == "SkylakeX")
        #expect(OpenBLASLibrary.preferredCoreType(vendor: "GenuineIntel", flags: avx512.subtracting(["avx512vl"])) == "Haswell")
        #expect(OpenBLASLibrary.preferredCoreType(vendor: "AuthenticAMD", flags: ["sse2", "avx2", "fma"]) == "Zen")
        #expect(OpenBLASLibrary.preferredCoreType(vendor: "GenuineIntel", flags: ["sse2", "avx2"]) == nil)
        #expect(OpenBLASLibrary.preferredCoreType(vendor: "HygonGenuine", flags: avx512) == nil)
    }

    /// On a CPU with AVX-512 or AVX2 the library must run the kernels asked for, not OpenBLAS's fallback for a
    /// model it does not know; elsewhere (or when OPENBLAS_CORETYPE was set by the caller) OpenBLAS's choice stands.
    @Test func theChosenKernelsAreTheOnesRunning() throws {
        let kernels = BLASThreads.kernels
        #expect(!kernels.isEmpty && kernels != "unknown")
        if ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil, let preferred = OpenBLASLibrary.preferredCoreType() {
            #expect(kernels.lowercased() == preferred.lowercased(), "asked for \(preferred), OpenBLAS runs \(kernels)")
        }
    }
}
