#include "cartelgraph/loaders/relation_checks.hpp"

#include "cartelgraph/loaders/type_list.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>

#include <boost/container_hash/hash.hpp>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <functional>
#include <tuple>

#include "cartelgraph/queries/parallel_chunks.hpp"

namespace cartelgraph::detail {

DuplicatePolicy duplicate_policy(Provenance provenance) noexcept {
  switch (provenance) {
    case Provenance::our_model: return DuplicatePolicy::refuse;
    case Provenance::imported: return DuplicatePolicy::merge;
  }
  return DuplicatePolicy::refuse;
}

std::string unknown_kind_message(std::string_view name) {
  return "unknown relation kind '" + std::string(name) + "' (known: " + joined_names<RelationKind>() + ")";
}

std::string endpoint_types_message(RelationKind kind, EntityType from, EntityType to) {
  const KindInfo& info = kind_info(kind);
  return "'" + std::string(info.name) + "' links " + describe(info.from) + " → " + describe(info.to) + ", not " +
         std::string(to_string(from)) + " → " + std::string(to_string(to));
}

void unite_citations(CitationList& into, const CitationList& from) {
  std::vector<Citation> united = into;
  for (const Citation& c : from)
    if (std::ranges::find(united, c) == united.end()) united.push_back(c);
  into = std::move(united);
}

bool check_relation(const CandidateRelation& relation, RelationReader& reader) {
  bool ok = true;
  const auto fail = [&](RelationPart part, std::string message) {
    reader.problem(relation.origin, part, std::move(message));
    ok = false;
  };
  if (relation.from.id == relation.to.id)
    fail(RelationPart::to, "relation links '" + std::string(relation.from.id) + "' to itself");
  const auto& kind = relation.kind;
  const auto& from = relation.from.type;
  const auto& to = relation.to.type;
  if (kind && from && to && !allows(*kind, *from, *to))
    fail(RelationPart::kind, endpoint_types_message(*kind, *from, *to));
  const auto& since = relation.since;
  const auto& until = relation.until;
  const auto& known_by = relation.known_by;
  const auto& ended_by = relation.ended_by;
  const auto before = [&](const std::optional<Date>& start, std::string_view name, const std::optional<Date>& end,
                          std::string_view end_name, RelationPart part) {
    if (start && end && end->last_day() < start->first_day())
      fail(part, "'" + std::string(name) + "' (" + start->to_string() + ") is after '" + std::string(end_name) + "' (" +
                     end->to_string() + ")");
  };
  before(since, "since", until, "until", RelationPart::until);
  before(known_by, "known_by", until, "until", RelationPart::until);
  before(since, "since", ended_by, "ended_by", RelationPart::ended_by);
  before(known_by, "known_by", ended_by, "ended_by", RelationPart::ended_by);
  if (since && known_by)
    fail(RelationPart::known_by,
         "'known_by' says the start is unknown; 'since' gives it (" + since->to_string() + "): keep one");
  if (until && ended_by)
    fail(RelationPart::ended_by,
         "'ended_by' says the end is unknown; 'until' gives it (" + until->to_string() + "): keep one");
  const auto& place = relation.place;
  if (place && place->type && *place->type != EntityType::place)
    fail(RelationPart::place,
         "'place' is '" + std::string(place->id) + "', a " + std::string(to_string(*place->type)) + ", not a place");
  return ok;
}

namespace {

// A relation's key for finding the same tie: its ends (ordered for a symmetric kind), a hash of
// the rest (kind, dates, label) and its index; 24 bytes, where a tuple of every field took 80
// and sorted four times slower. Equal ends and hashes make candidates only: their ties are
// then compared whole.
struct TieKey {
  std::uint64_t ends = 0;
  std::uint64_t rest = 0;
  std::uint64_t index = 0;
  friend auto operator<=>(const TieKey&, const TieKey&) = default;
};

// The ends of a tie, ordered for a symmetric kind.
std::pair<std::size_t, std::size_t> ends_of(const Tie& tie) {
  if (!kind_info(tie.kind).symmetric) return {tie.from, tie.to};
  return std::minmax(tie.from, tie.to);
}

// What makes two ties the same, in the order ties are reported.
auto compared(const Tie& tie) {
  const auto [a, b] = ends_of(tie);
  return std::tuple(tie.kind, a, b, tie.since, tie.until, tie.known_by, tie.ended_by, tie.label);
}

std::uint64_t date_bits(const std::optional<Date>& date) {
  if (!date) return 0;
  return (std::uint64_t{1} << 32) | (std::uint64_t{static_cast<std::uint16_t>(date->year())} << 16) |
         (std::uint64_t{static_cast<std::uint8_t>(date->month())} << 8) | static_cast<std::uint8_t>(date->day());
}

TieKey key_of(const Tie& tie, std::size_t index) {
  const auto [a, b] = ends_of(tie);
  std::size_t rest = static_cast<std::size_t>(tie.kind);
  for (const auto* date : {&tie.since, &tie.until, &tie.known_by, &tie.ended_by})
    boost::hash_combine(rest, date_bits(*date));
  if (!tie.label.empty()) boost::hash_combine(rest, std::hash<std::string_view>{}(tie.label));
  return {(std::uint64_t{a} << 32) | b, rest, index};
}

// Sorts `keys` on up to `threads` threads: each sorts a part, then neighbouring parts are merged,
// in rounds, until one is left. Hand-written: std::sort with std::execution::par needs TBB, and
// libstdc++'s parallel mode OpenMP, neither a dependency of this project.
void parallel_sort(std::vector<TieKey>& keys, unsigned threads) {
  constexpr std::size_t small = std::size_t{1} << 16;
  const std::size_t parts = keys.size() < small ? 1 : std::bit_floor(std::max(1U, threads));
  const auto at = [&](std::size_t part) { return keys.begin() + static_cast<std::ptrdiff_t>(keys.size() * part / parts); };
  parallel_chunks(parts, parts, threads, [&](std::size_t part, std::size_t, std::size_t) { std::sort(at(part), at(part + 1)); });
  for (std::size_t width = 1; width < parts; width *= 2) {
    const std::size_t merges = parts / (2 * width);
    parallel_chunks(merges, merges, threads, [&](std::size_t m, std::size_t, std::size_t) {
      std::inplace_merge(at(2 * m * width), at((2 * m + 1) * width), at((2 * m + 2) * width));
    });
  }
}

std::vector<TieKey> sorted_keys(const TieSet& relations, unsigned threads) {
  std::vector<TieKey> keys(relations.size());
  parallel_chunks(keys.size(), std::size_t{4} * threads, threads, [&](std::size_t, std::size_t first, std::size_t last) {
    for (std::size_t i = first; i < last; ++i) keys[i] = key_of(relations.tie(i), i);
  });
  parallel_sort(keys, threads);
  return keys;
}

// The copies among relations keys[first, last) (same ends and hash, in input order): each paired
// with the first relation of its tie.
void copies_among(const TieSet& relations, const std::vector<TieKey>& keys, std::size_t first, std::size_t last,
                  std::vector<std::pair<std::size_t, std::size_t>>& pairs) {
  std::vector<std::pair<std::size_t, Tie>> distinct;  // the first of each tie met, and its tie
  for (std::size_t k = first; k < last; ++k) {
    const auto index = static_cast<std::size_t>(keys[k].index);
    const Tie tie = relations.tie(index);
    const auto same = std::ranges::find_if(distinct, [&](const auto& d) { return compared(d.second) == compared(tie); });
    if (same == distinct.end()) distinct.emplace_back(index, tie);
    else pairs.emplace_back(same->first, index);
  }
}

// Folds `copy` into `kept`: weights summed (absent counts 1), citations united, the surest
// confidence, the first place given.
void merge_into(Relation& kept, const Relation& copy) {
  kept.weight = kept.weight.value_or(1.0) + copy.weight.value_or(1.0);
  unite_citations(kept.sources, copy.sources);
  kept.confidence = std::max(kept.confidence, copy.confidence);
  if (kept.place.empty()) kept.place = copy.place;
}

// AcceptedRelations as a TieSet.
class AcceptedTies final : public TieSet {
 public:
  explicit AcceptedTies(const std::vector<AcceptedRelation>& relations) : relations_(relations) {}
  [[nodiscard]] std::size_t size() const override { return relations_.size(); }
  [[nodiscard]] Tie tie(std::size_t i) const override {
    const AcceptedRelation& r = relations_[i];
    return {r.relation.kind,     r.from,
            r.to,                r.relation.since,
            r.relation.until,    r.relation.known_by,
            r.relation.ended_by, std::string_view(r.relation.label)};
  }
  [[nodiscard]] std::size_t origin(std::size_t i) const override { return relations_[i].origin; }

 private:
  const std::vector<AcceptedRelation>& relations_;
};

std::string duplicate_message(RelationReader& reader, std::size_t origin) {
  return "duplicate relation: same kind, ends and dates as at " + reader.where(origin);
}

// Each copy of a tie after the first is refused, pointing at the first, or merged into it.
void check_duplicates(std::vector<AcceptedRelation>& relations, DuplicatePolicy policy, RelationReader& reader) {
  std::vector<bool> merged;
  for (const auto& [first, copy] : same_ties(AcceptedTies(relations))) {
    AcceptedRelation& original = relations[first];
    if (policy == DuplicatePolicy::refuse) {
      reader.problem(relations[copy].origin, RelationPart::whole, duplicate_message(reader, original.origin));
      continue;
    }
    merge_into(original.relation, relations[copy].relation);
    reader.note(relations[copy].origin, "parallel tie merged into the one at " + reader.where(original.origin) +
                                            " (same kind, ends and dates; weights summed, citations united)");
    merged.resize(relations.size());
    merged[copy] = true;
  }
  if (merged.empty()) return;
  std::size_t kept = 0;
  for (std::size_t i = 0; i < relations.size(); ++i) {
    if (merged[i]) continue;
    // Not onto itself: a self-move-assignment empties the relation's strings (label, storyline).
    if (kept != i) relations[kept] = std::move(relations[i]);
    ++kept;
  }
  relations.resize(kept);
}

using Containment = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                          boost::property<boost::edge_index_t, std::size_t>>;

// Records, for each vertex, the tree edge that reached it, and each back edge with its target.
struct CycleFinder : boost::default_dfs_visitor {
  std::vector<std::size_t>* parent_edge;
  std::vector<std::pair<std::size_t, std::size_t>>* closing;
  void tree_edge(Containment::edge_descriptor e, const Containment& g) const {
    (*parent_edge)[boost::target(e, g)] = boost::get(boost::edge_index, g, e);
  }
  void back_edge(Containment::edge_descriptor e, const Containment& g) const {
    closing->emplace_back(boost::get(boost::edge_index, g, e), boost::target(e, g));
  }
};

// A place inside itself, through a chain of located_in relations: each relation that closes a
// cycle (a back edge of Boost's depth-first search) is reported with the cycle it closes.
void check_place_cycles(const TieSet& relations, std::size_t entities, RelationReader& reader) {
  Containment containment(entities);
  std::vector<std::size_t> from;  // of each edge, by its index in relations
  for (std::size_t i = 0; i < relations.size(); ++i)
    if (const Tie tie = relations.tie(i); tie.kind == RelationKind::located_in) {
      boost::add_edge(tie.from, tie.to, i, containment);
      from.resize(i + 1);
      from[i] = tie.from;
    }
  if (boost::num_edges(containment) == 0) return;

  std::vector<std::size_t> parent_edge(entities, relations.size());
  std::vector<std::pair<std::size_t, std::size_t>> closing;
  CycleFinder finder;
  finder.parent_edge = &parent_edge;
  finder.closing = &closing;
  boost::depth_first_search(containment, boost::visitor(finder));

  for (const auto& [relation, start] : closing) {
    // Walk back along the tree edges from the back edge's source to its target.
    std::vector<std::size_t> chain{from[relation]};
    while (chain.back() != start) chain.push_back(from[parent_edge[chain.back()]]);
    std::string cycle(reader.entity_id(start));
    for (auto it = chain.rbegin(); it != chain.rend(); ++it)
      if (*it != start) cycle += " → " + std::string(reader.entity_id(*it));
    cycle += " → " + std::string(reader.entity_id(start));
    reader.problem(relations.origin(relation), RelationPart::whole, "located_in cycle: " + cycle);
  }
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> same_ties(const TieSet& relations, unsigned threads) {
  threads = thread_count(threads, relations.size());
  const std::vector<TieKey> keys = sorted_keys(relations, threads);
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t first = 0; first < keys.size();) {
    std::size_t last = first + 1;
    while (last < keys.size() && keys[last].ends == keys[first].ends && keys[last].rest == keys[first].rest) ++last;
    if (last - first > 1) copies_among(relations, keys, first, last, pairs);
    first = last;
  }
  // Reported by tie, then in input order, as when every key held the whole tie.
  std::ranges::sort(pairs, [&](const auto& x, const auto& y) {
    return std::tuple(compared(relations.tie(x.second)), x.second) < std::tuple(compared(relations.tie(y.second)), y.second);
  });
  return pairs;
}

void check_relation_set(const TieSet& relations, std::size_t entities, RelationReader& reader, unsigned threads) {
  for (const auto& [first, copy] : same_ties(relations, threads))
    reader.problem(relations.origin(copy), RelationPart::whole, duplicate_message(reader, relations.origin(first)));
  check_place_cycles(relations, entities, reader);
}

void check_relation_set(std::vector<AcceptedRelation>& relations, std::size_t entities, Provenance provenance,
                        RelationReader& reader) {
  check_duplicates(relations, duplicate_policy(provenance), reader);
  check_place_cycles(AcceptedTies(relations), entities, reader);
}

}  // namespace cartelgraph::detail
