// Large batches on several threads. The points of a batch are independent:
// a batch entry is a pure loop, a checked batch runs on a context and arena
// per thread, and a benchmark's noise is keyed by each point's query
// number, not drawn in sequence. So the values are the same bits on any
// number of threads (tests/unit/ChunksTest.cpp).
#pragma once

#include <cstddef>
#include <functional>

namespace findc::engine {

// Threads take the points in blocks of this many, each the next block not
// taken: a piecewise function on sorted inputs has its costly piece in one
// stretch, which contiguous halves would give to one thread.
inline constexpr size_t kPointsPerBlock = size_t{1} << 13;
// Helpers start once the calling thread, timing its blocks, expects the
// rest to take this long alone. Starting and joining a thread costs
// ~50 us on these VMs, and a batch at memory speed (~0.2 ns a point:
// 10^6 points in 0.2 ms) gains nothing from a second core: it gets slower.
inline constexpr double kParallelAfterSeconds = 400e-6;
// ... and once it has worked this long: a first block in cold caches
// would predict a memory-speed batch several times too slow.
inline constexpr double kParallelJudgedAfterSeconds = 40e-6;

// The number of threads `threads` means: itself, or one per core for 0
// (which glibc reads from /sys: ask once).
unsigned threadCount(unsigned threads);

// Calls work(t, begin, end) for every block [begin, end) of [0, n), on up
// to `threads` threads t = 0, 1, ...: thread 0 is the calling thread; the
// others start for the call, once the blocks done in the first
// kParallelJudgedAfterSeconds or more predict that the rest would take
// thread 0 kParallelAfterSeconds (none if a thread cannot start). Returns
// when every block is done; rethrows the first exception a block threw
// (the blocks not yet taken then are not run).
void forEachBlock(size_t n, unsigned threads,
                  const std::function<void(size_t thread, size_t begin, size_t end)>& work);

} // namespace findc::engine
