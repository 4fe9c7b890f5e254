import COpenBLAS
#if canImport(Glibc)
import Glibc
#endif

/// OpenBLAS, opened with `dlopen` on the first matrix product, after choosing its kernels.
///
/// Why: Debian's OpenBLAS 0.3.21 (a DYNAMIC_ARCH build) picks its kernels from the CPU model when it is
/// loaded, and it does not know CPUs newer than itself. On this project's machines it fell back twice:
/// to its Haswell (AVX2) kernels on AMD EPYC of CPU family 26 (Zen 5, AVX-512), and to Prescott, its SSE3
/// kernels, on an Intel Xeon of family 6 model 207 (Emerald Rapids, AVX-512). Its own AVX-512 kernels run
/// on both and are much faster (single-thread sgemm, CPU time, `Scripts/neural/blas_kernels.sh`, Haswell →
/// Cooperlake on the EPYC: 96 → 141 GFLOP/s at 32×1024×256, 85 → 137 at 4096×1024×128, 115 → 202 at
/// 256×1024×4096; one transformer training step of torch_ref.py's configuration on the Xeon, 2 row groups:
/// 1.69 s with Prescott, 0.36 s with Cooperlake). OpenBLAS reads the choice from `OPENBLAS_CORETYPE` when it
/// is loaded, so the library cannot be linked (it would load before `main`): it is opened here instead, with
/// `OPENBLAS_CORETYPE` set for that moment, unless the caller has set it, to the kernel family OpenBLAS
/// itself gives a CPU it knows with the same instruction sets (`preferredCoreType`). Results still match
/// the naive product and PyTorch in the tests.
@usableFromInline
struct OpenBLASLibrary: @unchecked Sendable {
    // @unchecked: immutable C function pointers into a library that is never unloaded.
    @usableFromInline let sgemm: @convention(c) (CBLAS_ORDER, CBLAS_TRANSPOSE, CBLAS_TRANSPOSE, Int32, Int32, Int32,
                                                Float, UnsafePointer<Float>?, Int32, UnsafePointer<Float>?, Int32,
                                                Float, UnsafeMutablePointer<Float>?, Int32) -> Void
    @usableFromInline let sgemv: @convention(c) (CBLAS_ORDER, CBLAS_TRANSPOSE, Int32, Int32, Float,
                                                UnsafePointer<Float>?, Int32, UnsafePointer<Float>?, Int32,
                                                Float, UnsafeMutablePointer<Float>?, Int32) -> Void
    let setThreadCount: @convention(c) (Int32) -> Void
    let threadCount: @convention(c) () -> Int32
    let coreName: @convention(c) () -> UnsafeMutablePointer<CChar>?

    /// The sonames tried in order.
    static let names = ["libopenblas.so.0", "libopenblas.so"]

    /// The library, opened once per process. There is no fallback: without OpenBLAS nothing in this
    /// module can run (before, the process could not even start), so failing to open it ends the
    /// process with one line on stderr saying what to install, and exit status 1.
    @usableFromInline static let shared: OpenBLASLibrary = {
        do { return try open() } catch {
            let line = Array("error: \(error)\n".utf8)
            _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
            exit(1)
        }
    }()

    /// The kernel family OpenBLAS chose (for example "Haswell", "SkylakeX", "Cooperlake").
    public static var kernels: String { shared.coreName().map { String(cString: $0) } ?? "unknown" }

    static func open() throws(NeuralCoreError) -> OpenBLASLibrary {
        let chosen = getenv("OPENBLAS_CORETYPE") == nil ? preferredCoreType() : nil
        if let chosen { setenv("OPENBLAS_CORETYPE", chosen, 0) }
        defer { if chosen != nil { unsetenv("OPENBLAS_CORETYPE") } }
        var reasons: [String] = []
        for name in names {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else {
                reasons.append(dlerror().map { String(cString: $0) } ?? "\(name): cannot open")
                continue
            }
            func function<T>(_ symbol: String) throws(NeuralCoreError) -> T {
                guard let pointer = dlsym(handle, symbol) else {
                    throw .io(path: name, reason: "OpenBLAS has no function \(symbol); install OpenBLAS 0.3 (apt-get install libopenblas0-pthread)")
                }
                return unsafeBitCast(pointer, to: T.self)
            }
            return OpenBLASLibrary(sgemm: try function("cblas_sgemm"), sgemv: try function("cblas_sgemv"),
                                   setThreadCount: try function("openblas_set_num_threads"),
                                   threadCount: try function("openblas_get_num_threads"),
                                   coreName: try function("openblas_get_corename"))
        }
        throw .io(path: names[0], reason: "cannot open OpenBLAS (\(reasons.joined(separator: "; "))); install it with Scripts/setup.sh or apt-get install libopenblas0-pthread")
    }

    /// The OpenBLAS kernel family to ask for on this CPU, or nil to let OpenBLAS decide: by instruction sets,
    /// as OpenBLAS 0.3.21 chooses for the CPUs it knows — Cooperlake with AVX-512 (F, CD, BW, DQ, VL) and
    /// AVX-512 BF16, SkylakeX with AVX-512 alone, and with AVX2 and FMA only, Zen on AMD and Haswell on Intel.
    /// Other CPUs (and other vendors) are left to OpenBLAS.
    static func preferredCoreType() -> String? {
        guard let info = CPUInfo.current else { return nil }
        return preferredCoreType(vendor: info.vendor, flags: info.flags)
    }

    /// `preferredCoreType()` for a CPU with this vendor id and these /proc/cpuinfo flags.
    static func preferredCoreType(vendor: String, flags: Set<String>) -> String? {
        guard vendor == "AuthenticAMD" || vendor == "GenuineIntel" else { return nil }
        let avx512 = ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]
        if avx512.allSatisfy(flags.contains) { return flags.contains("avx512_bf16") ? "Cooperlake" : "SkylakeX" }
        guard flags.contains("avx2") && flags.contains("fma") else { return nil }
        return vendor == "AuthenticAMD" ? "Zen" : "Haswell"
    }
}

/// The vendor and feature flags of the first CPU in /proc/cpuinfo.
struct CPUInfo {
    var vendor: String
    var flags: Set<String>

    /// Reads /proc/cpuinfo's first processor block (nil when it cannot be read, e.g. not Linux).
    static var current: CPUInfo? {
        guard let file = fopen("/proc/cpuinfo", "r") else { return nil }
        defer { fclose(file) }
        var vendor = ""
        var line = [CChar](repeating: 0, count: 1 << 14)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            let parts = text.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let key = parts[0].split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
            let words = parts[1].split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
            if key == "vendor_id" { vendor = words.first ?? "" }
            if key == "flags" { return CPUInfo(vendor: vendor, flags: Set(words)) }
        }
        return nil
    }
}
