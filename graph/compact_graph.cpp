#include "cartelgraph/graph/compact_graph.hpp"

#include <thread>

#include "cartelgraph/graph/entity.hpp"
#include "cartelgraph/graph/relation.hpp"

namespace cartelgraph {

namespace {

/// Counting sort of relation indices by `end`, stable: each entity's list keeps insertion order.
void bucket(std::size_t n, std::span<const std::uint32_t> end, Column<std::uint32_t>& starts,
            Column<std::uint32_t>& lists) {
  std::vector<std::uint32_t> start(n + 1, 0);
  for (const std::uint32_t v : end) ++start[v + 1];
  for (std::size_t v = 0; v < n; ++v) start[v + 1] += start[v];
  std::vector<std::uint32_t> list(end.size());
  std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
  for (std::size_t i = 0; i < end.size(); ++i) list[next[end[i]]++] = static_cast<std::uint32_t>(i);
  starts = Column<std::uint32_t>(std::move(start));
  lists = Column<std::uint32_t>(std::move(list));
}

}  // namespace

CompactGraph::CompactGraph(std::size_t entities, std::span<const std::uint32_t> from, std::span<const std::uint32_t> to)
    : vertex_count_(entities), from_(from), to_(to) {
  // The two sides are independent: a large graph sorts them on two threads (each sort is bound
  // by memory latency, scattering a million entities' relations).
  if (from.size() < (std::size_t{1} << 20)) {
    bucket(entities, from, out_start_, out_relations_);
    bucket(entities, to, in_start_, in_relations_);
    return;
  }
  std::jthread in_side([&] { bucket(entities, to, in_start_, in_relations_); });
  bucket(entities, from, out_start_, out_relations_);
}

CompactGraph::CompactGraph(std::size_t entities, std::span<const std::uint32_t> from, std::span<const std::uint32_t> to,
                           const BorrowedShape& shape)
    : vertex_count_(entities),
      from_(from),
      to_(to),
      out_start_(shape.out.starts),
      out_relations_(shape.out.relations),
      in_start_(shape.in.starts),
      in_relations_(shape.in.relations),
      checks_{{}, {}, shape.entities, shape.from, shape.to} {}

RelationLists CompactGraph::out_lists() const {
  if (checks_.entities != nullptr) checks_.entities->require_all();
  return {out_start_.unchecked(), out_relations_.unchecked()};
}

RelationLists CompactGraph::in_lists() const {
  if (checks_.entities != nullptr) checks_.entities->require_all();
  return {in_start_.unchecked(), in_relations_.unchecked()};
}

std::pair<CompactGraph::iterator, CompactGraph::iterator> CompactGraph::edges() const {
  for (const ChunkCheck* check : {checks_.from, checks_.to})
    if (check != nullptr) check->require_all();
  const auto m = static_cast<std::uint32_t>(from_.size());
  return {iterator(nullptr, 0, 0, from_.data(), to_.data(), iterator::Side::all),
          iterator(nullptr, m, 0, from_.data(), to_.data(), iterator::Side::all)};
}

}  // namespace cartelgraph
