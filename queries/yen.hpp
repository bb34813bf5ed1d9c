#pragma once
// Yen's k shortest loopless paths over a shortest-path search (internal to queries/paths.cpp): the
// same algorithm whether the search runs on a projection or on a view's own graph.

#include <algorithm>
#include <cstddef>
#include <set>
#include <utility>
#include <vector>

namespace cartelgraph::detail {

/// What a spur search may not use: nodes of the root path and arcs of earlier paths.
struct Removed {
  std::vector<bool> nodes;
  std::set<std::pair<std::size_t, std::size_t>> arcs;
  [[nodiscard]] bool arc(std::size_t from, std::size_t to) const { return !arcs.empty() && arcs.contains({from, to}); }
};

/// The nodes of the paths Yen found, the searches it ran and the nodes and arcs they examined.
struct YenResult {
  std::vector<std::vector<std::size_t>> paths;
  std::size_t searches = 0;
  std::size_t work = 0;
  bool stopped = false;
};

/// Whether a path search may run one more shortest-path search: while the nodes and arcs its
/// searches examined add up to less than `max_work`. The first search always runs; the last may
/// take the total past the bound by one search's work.
class SearchBudget {
 public:
  explicit SearchBudget(std::size_t max_work) : max_work_(max_work) {}
  /// Whether one more search may run (counting it if it may).
  bool spend(YenResult& result) const {
    if (result.searches > 0 && result.work >= max_work_) {
      result.stopped = true;
      return false;
    }
    ++result.searches;
    return true;
  }

 private:
  std::size_t max_work_;
};

/// Yen (1971): the i-th path is the cheapest among spur paths that leave each node of the
/// (i-1)-th path without reusing a root node or an arc that an earlier path with the same root
/// took next. Stops when `budget` refuses a search. `Search` provides:
///   Removed& removed();                    what the next search may not use (left empty between searches)
///   bool directed() const;                 whether an arc (u, v) leaves (v, u) usable
///   std::vector<std::size_t> cheapest_path(from, to, std::size_t& work);   empty when none; adds its work
///   double cost(const std::vector<std::size_t>& path) const;
template <class Search>
YenResult yen(Search& search, std::size_t from, std::size_t to, std::size_t k, SearchBudget budget) {
  YenResult result;
  std::vector<std::vector<std::size_t>>& accepted = result.paths;
  if (k == 0 || from == to || !budget.spend(result)) return result;
  auto first = search.cheapest_path(from, to, result.work);
  if (first.empty()) return result;
  accepted.push_back(std::move(first));

  std::set<std::pair<double, std::vector<std::size_t>>> candidates;  // cost, nodes: cheapest first
  while (accepted.size() < k) {
    const std::vector<std::size_t>& previous = accepted.back();
    for (std::size_t i = 0; i + 1 < previous.size(); ++i) {
      if (!budget.spend(result)) return result;
      // The root's nodes before the spur node, and the next arc of every accepted path with the
      // same root, are off limits for this search.
      Removed& removed = search.removed();
      for (std::size_t j = 0; j < i; ++j) removed.nodes[previous[j]] = true;
      for (const auto& path : accepted)
        if (path.size() > i + 1 &&
            std::equal(path.begin(), path.begin() + static_cast<long>(i) + 1, previous.begin())) {
          removed.arcs.insert({path[i], path[i + 1]});
          if (!search.directed()) removed.arcs.insert({path[i + 1], path[i]});
        }
      const auto spur_path = search.cheapest_path(previous[i], to, result.work);
      for (std::size_t j = 0; j < i; ++j) removed.nodes[previous[j]] = false;
      removed.arcs.clear();
      if (spur_path.empty()) continue;
      std::vector<std::size_t> candidate(previous.begin(), previous.begin() + static_cast<long>(i));
      candidate.insert(candidate.end(), spur_path.begin(), spur_path.end());
      candidates.emplace(search.cost(candidate), std::move(candidate));
    }
    // Drop candidates already accepted (a spur can rediscover one).
    while (!candidates.empty() && std::ranges::find(accepted, candidates.begin()->second) != accepted.end())
      candidates.erase(candidates.begin());
    if (candidates.empty()) break;
    accepted.push_back(candidates.begin()->second);
    candidates.erase(candidates.begin());
  }
  return result;
}

}  // namespace cartelgraph::detail
