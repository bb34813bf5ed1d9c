#pragma once
// Splitting work over threads so that results do not depend on how many there are: a fixed
// number of chunks, each summed in order by whichever thread takes it.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
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
/// results do not depend on the thread count. If a job throws (a record read from a damaged
/// store, an allocation), no chunk starts after it, and the first exception is thrown here once
/// every thread has stopped: an exception never leaves a thread (which would end the program).
template <class Job>
void parallel_chunks(std::size_t count, std::size_t chunks, unsigned threads, Job job) {
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  const auto worker = [&] {
    try {
      for (std::size_t c = next++; c < chunks; c = next++) job(c, count * c / chunks, count * (c + 1) / chunks);
    } catch (...) {
      next = chunks;  // the other threads take no further chunk
      const std::scoped_lock lock(failure_mutex);
      if (!failure) failure = std::current_exception();
    }
  };
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
  }  // every thread joined
  if (failure) std::rethrow_exception(failure);
}

}  // namespace cartelgraph::detail
