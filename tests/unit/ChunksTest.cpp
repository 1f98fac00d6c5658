// engine/Chunks.h: every point of a large batch once, on more threads only
// where that pays, failures passed on.
#include "engine/Chunks.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace findc::engine {
namespace {

struct Visits {
  std::vector<std::atomic<int>> counts;
  std::mutex lock;
  std::set<size_t> threads;
  explicit Visits(size_t n) : counts(n) {}
  void visit(size_t thread, size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i)
      counts[i].fetch_add(1, std::memory_order_relaxed);
    std::lock_guard hold(lock);
    threads.insert(thread);
  }
  bool eachOnce() const {
    for (const std::atomic<int>& c : counts)
      if (c.load() != 1)
        return false;
    return true;
  }
};

TEST(Chunks, EveryPointOnceOnAnyNumberOfThreads) {
  for (size_t n : {size_t{0}, size_t{1}, kPointsPerBlock - 1, kPointsPerBlock, kPointsPerBlock + 1,
                   7 * kPointsPerBlock + 5}) {
    for (unsigned threads : {1u, 2u, 3u, 8u}) {
      Visits visits(n);
      forEachBlock(n, threads, [&](size_t t, size_t begin, size_t end) {
        ASSERT_LT(t, threads);
        ASSERT_LE(end - begin, kPointsPerBlock);
        // Slow enough that the rest, predicted from the first block, is
        // worth more threads.
        std::this_thread::sleep_for(std::chrono::microseconds(500));
        visits.visit(t, begin, end);
      });
      EXPECT_TRUE(visits.eachOnce()) << n << " points, " << threads << " threads";
      if (threads > 1 && n > 4 * kPointsPerBlock) {
        EXPECT_GT(visits.threads.size(), 1u) << n << " points, " << threads << " threads";
      }
    }
  }
}

TEST(Chunks, QuickBatchesStayOnTheCallingThread) {
  size_t n = 64 * kPointsPerBlock; // ~0.5M points that take nothing
  std::vector<size_t> threadOfBlock(64, 99);
  forEachBlock(n, 4, [&](size_t t, size_t begin, size_t) { threadOfBlock[begin / kPointsPerBlock] = t; });
  EXPECT_EQ(threadOfBlock, std::vector<size_t>(64, 0));
}

TEST(Chunks, AFailureStopsTheBatchAndIsRethrown) {
  size_t n = 40 * kPointsPerBlock;
  std::atomic<size_t> blocks{0};
  EXPECT_THROW(forEachBlock(n, 2,
                            [&](size_t, size_t begin, size_t) {
                              std::this_thread::sleep_for(std::chrono::microseconds(500));
                              blocks.fetch_add(1);
                              if (begin == 3 * kPointsPerBlock)
                                throw std::runtime_error("block 3");
                            }),
               std::runtime_error);
  EXPECT_LT(blocks.load(), 40u); // the blocks after the failure are not run
}

} // namespace
} // namespace findc::engine
