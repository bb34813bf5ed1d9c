#include "cartelgraph/loaders/relation_checks.hpp"

#include "cartelgraph/loaders/type_list.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>

#include <algorithm>
#include <tuple>

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

// kind, the two ends (ordered for a symmetric kind), dates (since, until, known_by, ended_by), an
// imported tie's own label (a call and a meeting analysed as one kind stay two ties), and the
// relation's index.
using TieKey = std::tuple<RelationKind, std::size_t, std::size_t, std::optional<Date>, std::optional<Date>,
                          std::optional<Date>, std::optional<Date>, std::string_view, std::size_t>;
constexpr std::size_t tie_index = 8;

bool same_tie(const TieKey& x, const TieKey& y) {
  const auto key = [](const TieKey& k) {
    return std::tie(std::get<0>(k), std::get<1>(k), std::get<2>(k), std::get<3>(k), std::get<4>(k), std::get<5>(k),
                    std::get<6>(k), std::get<7>(k));
  };
  return key(x) == key(y);
}

// The relations sorted so that the same tie is adjacent, the first given first.
std::vector<TieKey> sorted_ties(const std::vector<AcceptedRelation>& relations) {
  std::vector<TieKey> keys;
  keys.reserve(relations.size());
  for (std::size_t i = 0; i < relations.size(); ++i) {
    const AcceptedRelation& r = relations[i];
    const bool either_way = kind_info(r.relation.kind).symmetric;
    const std::size_t a = either_way ? std::min(r.from, r.to) : r.from;
    const std::size_t b = either_way ? std::max(r.from, r.to) : r.to;
    keys.emplace_back(r.relation.kind, a, b, r.relation.since, r.relation.until, r.relation.known_by,
                      r.relation.ended_by, std::string_view(r.relation.label), i);
  }
  std::ranges::sort(keys);
  return keys;
}

// Folds `copy` into `kept`: weights summed (absent counts 1), citations united, the surest
// confidence, the first place given.
void merge_into(Relation& kept, const Relation& copy) {
  kept.weight = kept.weight.value_or(1.0) + copy.weight.value_or(1.0);
  unite_citations(kept.sources, copy.sources);
  kept.confidence = std::max(kept.confidence, copy.confidence);
  if (kept.place.empty()) kept.place = copy.place;
}

// Each copy of a tie after the first is refused, pointing at the first, or merged into it.
void check_duplicates(std::vector<AcceptedRelation>& relations, DuplicatePolicy policy, RelationReader& reader) {
  const std::vector<TieKey> keys = sorted_ties(relations);
  std::vector<bool> merged;
  for (std::size_t first = 0; first < keys.size();) {
    std::size_t last = first + 1;
    while (last < keys.size() && same_tie(keys[first], keys[last])) ++last;
    AcceptedRelation& original = relations[std::get<tie_index>(keys[first])];
    for (std::size_t k = first + 1; k < last; ++k) {
      const std::size_t i = std::get<tie_index>(keys[k]);
      if (policy == DuplicatePolicy::refuse) {
        reader.problem(relations[i].origin, RelationPart::whole,
                       "duplicate relation: same kind, ends and dates as at " + reader.where(original.origin));
        continue;
      }
      merge_into(original.relation, relations[i].relation);
      reader.note(relations[i].origin, "parallel tie merged into the one at " + reader.where(original.origin) +
                                           " (same kind, ends and dates; weights summed, citations united)");
      merged.resize(relations.size());
      merged[i] = true;
    }
    first = last;
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
void check_place_cycles(const std::vector<AcceptedRelation>& relations, std::size_t entities, RelationReader& reader) {
  Containment containment(entities);
  for (std::size_t i = 0; i < relations.size(); ++i)
    if (relations[i].relation.kind == RelationKind::located_in)
      boost::add_edge(relations[i].from, relations[i].to, i, containment);
  if (boost::num_edges(containment) == 0) return;

  std::vector<std::size_t> parent_edge(entities, relations.size());
  std::vector<std::pair<std::size_t, std::size_t>> closing;
  CycleFinder finder;
  finder.parent_edge = &parent_edge;
  finder.closing = &closing;
  boost::depth_first_search(containment, boost::visitor(finder));

  for (const auto& [relation, start] : closing) {
    // Walk back along the tree edges from the back edge's source to its target.
    std::vector<std::size_t> chain{relations[relation].from};
    while (chain.back() != start) chain.push_back(relations[parent_edge[chain.back()]].from);
    std::string cycle(reader.entity_id(start));
    for (auto it = chain.rbegin(); it != chain.rend(); ++it)
      if (*it != start) cycle += " → " + std::string(reader.entity_id(*it));
    cycle += " → " + std::string(reader.entity_id(start));
    reader.problem(relations[relation].origin, RelationPart::whole, "located_in cycle: " + cycle);
  }
}

}  // namespace

void check_relation_set(std::vector<AcceptedRelation>& relations, std::size_t entities, Provenance provenance,
                        RelationReader& reader) {
  check_duplicates(relations, duplicate_policy(provenance), reader);
  check_place_cycles(relations, entities, reader);
}

}  // namespace cartelgraph::detail
