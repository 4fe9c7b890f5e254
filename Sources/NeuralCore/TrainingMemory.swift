import CNeuralKernels

/// How the process's allocator treats the large blocks a training step frees and allocates again.
///
/// Training allocates its activations and gradients anew at every step (each layer returns new tensors).
/// glibc's malloc hands blocks over its mmap threshold (128 KiB at first, rising to at most 32 MiB as
/// such blocks are freed) straight back to the kernel, and trims a heap's free top over 128 KiB, so every
/// step page-faults its buffers in again. On torch_ref.py's transformer configuration that cost a fifth
/// of the step (`transformer-bench train 2`, chrt -f 1: 15.4k tokens/s as is, 18.6k with the two
/// settings below; Benchmarks/neural/README.md).
public enum TrainingMemory {
    /// Asks glibc to serve blocks of up to 1 GiB from its heaps (not from mmap) and to keep up to 1 GiB of a
    /// heap's free top mapped. Process-wide and permanent: `compose train` calls it before
    /// training; a program that trains through the library decides for its own process. Returns false
    /// where the C library is not glibc (nothing is changed).
    @discardableResult
    public static func keepFreedBlocksMapped() -> Bool {
        tunesmith_keep_freed_blocks_mapped() == 1
    }
}
