import Foundation
import Testing
@testable import NeuralCore

@Suite struct OpenBLASLibraryTests {
    @Test func theCPUIsRead() throws {
        let info = try #require(CPUInfo.current, "/proc/cpuinfo has a flags line on Linux")
        #expect(!info.vendor.isEmpty)
        #expect(info.flags.contains("sse2"), "every x86-64 CPU has SSE2; flags: \(info.flags.sorted().prefix(8))")
    }

    /// On an AMD CPU with AVX-512 the library must run OpenBLAS's AVX-512 kernels, not its Haswell fallback;
    /// elsewhere (or when OPENBLAS_CORETYPE was set by the caller) OpenBLAS's own choice stands.
    @Test func theChosenKernelsAreTheOnesRunning() throws {
        let kernels = BLASThreads.kernels
        #expect(!kernels.isEmpty && kernels != "unknown")
        if ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil, let preferred = OpenBLASLibrary.preferredCoreType() {
            #expect(kernels.lowercased() == preferred.lowercased(), "asked for \(preferred), OpenBLAS runs \(kernels)")
        }
    }
}
