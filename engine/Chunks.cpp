#include "engine/Chunks.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace findc::engine {

unsigned threadCount(unsigned threads) { return threads ? threads : std::max(1u, std::thread::hardware_concurrency()); }

void forEachBlock(size_t n, unsigned threads,
                  const std::function<void(size_t thread, size_t begin, size_t end)>& work) {
  std::atomic<size_t> next{0};
  std::vector<std::exception_ptr> failures(std::max(1u, threads));
  // Takes blocks until none is left (or a block failed), calling
  // afterEach(points handed out so far) after each.
  auto takeBlocks = [&](size_t thread, auto&& afterEach) {
    try {
      for (size_t begin; (begin = next.fetch_add(kPointsPerBlock, std::memory_order_relaxed)) < n;) {
        work(thread, begin, std::min(n, begin + kPointsPerBlock));
        afterEach(begin + kPointsPerBlock);
      }
    } catch (...) {
      failures[thread] = std::current_exception();
      next.store(n, std::memory_order_relaxed); // the others stop after their block
    }
  };
  std::vector<std::jthread> helpers; // joined before `next` and `failures` go
  auto start = std::chrono::steady_clock::now();
  takeBlocks(0, [&](size_t done) {
    if (!helpers.empty() || threads <= 1 || done >= n)
      return;
    std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
    if (spent.count() < kParallelJudgedAfterSeconds ||
        spent.count() / static_cast<double>(done) * static_cast<double>(n - done) < kParallelAfterSeconds)
      return;
    for (size_t t = 1; t < threads; ++t) {
      try {
        helpers.emplace_back([&, t] { takeBlocks(t, [](size_t) {}); });
      } catch (const std::system_error&) { // no more threads to be had: the started ones do it
        break;
      }
    }
  });
  helpers.clear(); // joins them
  for (const std::exception_ptr& failure : failures)
    if (failure)
      std::rethrow_exception(failure);
}

} // namespace findc::engine
