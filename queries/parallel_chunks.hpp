#pragma once
// Splitting work over threads so that results do not depend on how many there are: a fixed
// number of chunks, each summed in order by whichever thread takes it.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace cartelgraph::detail {

/// The threads to use for `work` items: `requested`, or every core when 0, at most one per item
/// and at least one.
inline unsigned thread_count(unsigned requested, std::size_t work) {
  const unsigned threads = requested ? requested : std::max(1U, std::thread::hardware_concurrency());
  return static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(1, work)));
}

/// Runs job(chunk, first, last) over [0, count) split into `chunks` fixed ranges, on up to
/// `threads` threads, and returns when all are done. The split depends on `chunks` only, so
/// results do not depend on the thread count.
template <class Job>
void parallel_chunks(std::size_t count, std::size_t chunks, unsigned threads, Job job) {
  std::atomic<std::size_t> next{0};
  const auto worker = [&] {
    for (std::size_t c = next++; c < chunks; c = next++) job(c, count * c / chunks, count * (c + 1) / chunks);
  };
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
}

}  // namespace cartelgraph::detail
