// glibc's malloc settings for training (see NeuralCore's TrainingMemory.swift); mallopt is not in Swift's Glibc module.
#include "NeuralKernels.h"

#if defined(__has_include)
#if __has_include(<malloc.h>)
#include <malloc.h>   // defines __GLIBC__ (through features.h) where the C library is glibc
#endif
#endif

int tunesmith_keep_freed_blocks_mapped(void) {
#if defined(__GLIBC__) && defined(M_MMAP_THRESHOLD) && defined(M_TRIM_THRESHOLD)
    const int mmap = mallopt(M_MMAP_THRESHOLD, 1 << 30);
    const int trim = mallopt(M_TRIM_THRESHOLD, 1 << 30);
    return mmap == 1 && trim == 1;
#else
    return 0;
#endif
}
