// The id table of the fact loader (loaders/id_table.hpp), against std::unordered_map.
#include <doctest/doctest.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "cartelgraph/loaders/id_table.hpp"

TEST_CASE("the id table finds what std::unordered_map finds, through growth and repeats") {
  std::vector<std::string> ids;
  for (int i = 0; i < 5000; ++i) ids.push_back("person-" + std::to_string(i * 7919 % 3001));  // repeats
  ids.emplace_back("");
  cartelgraph::detail::IdTable table;
  std::unordered_map<std::string, std::size_t> peer;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto [it, added] = peer.emplace(ids[i], i);
    const auto first = table.insert(ids[i], i);
    CHECK(first.has_value() == !added);
    if (first) CHECK(*first == it->second);
  }
  CHECK(table.size() == peer.size());
  for (const auto& entry : peer) CHECK(table.find(entry.first) == entry.second);
  // Hashed first and prefetched, as the fact loader looks ids up in batches.
  for (const auto& entry : peer) {
    const auto hash = cartelgraph::detail::IdTable::hash_of(entry.first);
    table.prefetch(hash);
    CHECK(table.find(entry.first, hash) == entry.second);
  }
  CHECK_FALSE(table.find("person-3001").has_value());
  CHECK_FALSE(table.find("person").has_value());
}
