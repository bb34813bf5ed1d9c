// The sides of a conflict: the frustration index checked against an independent brute force on
// every small signed graph and on seeded random ones, the heuristic's bounds, and the pinned
// sides of the built-in data.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>

#include "cartelgraph/loaders/builtin_data.hpp"
#include "cartelgraph/queries/factions.hpp"
#include "cartelgraph/queries/frustration.hpp"

using namespace cartelgraph;

namespace {

struct SignedGraph {
  std::size_t nodes = 0;
  std::vector<SignedTie> ties;
};

// The minimum over all 2^n splits, written independently of split_camps: a bitmask per split,
// each tie checked directly.
std::size_t brute_force_minimum(const SignedGraph& g) {
  std::size_t best = g.ties.size();
  for (std::uint64_t mask = 0; mask < (std::uint64_t{1} << g.nodes); ++mask) {
    std::size_t frustrated = 0;
    for (const SignedTie& t : g.ties) {
      const bool same = ((mask >> t.a) & 1) == ((mask >> t.b) & 1);
      if (same != (t.sign > 0)) ++frustrated;
    }
    best = std::min(best, frustrated);
  }
  return best;
}

// Every signed graph on `nodes` nodes: each pair absent, positive or negative (3^pairs graphs).
std::vector<SignedGraph> every_signed_graph(std::size_t nodes) {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t a = 0; a < nodes; ++a)
    for (std::size_t b = a + 1; b < nodes; ++b) pairs.emplace_back(a, b);
  std::size_t count = 1;
  for (std::size_t i = 0; i < pairs.size(); ++i) count *= 3;
  std::vector<SignedGraph> graphs;
  for (std::size_t code = 0; code < count; ++code) {
    SignedGraph g{nodes, {}};
    std::size_t rest = code;
    for (const auto& [a, b] : pairs) {
      if (rest % 3 != 0) g.ties.push_back({a, b, rest % 3 == 1 ? +1 : -1});
      rest /= 3;
    }
    graphs.push_back(std::move(g));
  }
  return graphs;
}

// `count` random signed graphs of 3..`max_nodes` nodes, each pair tied with probability ½ and
// negative with probability ½: the same graphs on every run and platform (raw engine output).
std::vector<SignedGraph> random_signed_graphs(std::size_t count, std::size_t max_nodes, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::vector<SignedGraph> graphs;
  for (std::size_t i = 0; i < count; ++i) {
    SignedGraph g{3 + random() % (max_nodes - 2), {}};
    for (std::size_t a = 0; a < g.nodes; ++a)
      for (std::size_t b = a + 1; b < g.nodes; ++b)
        if (random() % 2) g.ties.push_back({a, b, random() % 2 ? +1 : -1});
    graphs.push_back(std::move(g));
  }
  return graphs;
}

// The split's own claims hold: node 0 in camp A, its frustration is what its camps frustrate.
void check_consistent(const SignedGraph& g, const CampSplit& split) {
  REQUIRE(split.camp.size() == g.nodes);
  if (g.nodes > 0) CHECK(split.camp[0] == 0);
  CHECK(frustration_of(g.ties, split.camp) == split.frustration);
  CHECK(split.lower_bound <= split.frustration);
}

void check_against_brute_force(const std::vector<SignedGraph>& graphs) {
  const SplitOptions heuristic{.exact_limit = 0};
  for (const SignedGraph& g : graphs) {
    const std::size_t minimum = brute_force_minimum(g);
    const CampSplit exact = split_camps(g.nodes, g.ties);
    check_consistent(g, exact);
    CHECK(exact.exact);
    CHECK(exact.frustration == minimum);
    const CampSplit found = split_camps(g.nodes, g.ties, heuristic);
    check_consistent(g, found);
    CHECK(found.frustration >= minimum);
    CHECK(found.lower_bound <= minimum);
    CHECK(unbalanced_cycle_bound(g.nodes, g.ties) <= minimum);
    if (found.exact) CHECK(found.frustration == minimum);
  }
}

const KnowledgeGraph& builtin() {
  static const KnowledgeGraph graph = load_builtin_graph();
  return graph;
}

std::vector<std::string> ids(const std::vector<Vertex>& vertices) {
  std::vector<std::string> result;
  for (const Vertex v : vertices) result.push_back(builtin().entity(v).id);
  return result;
}

// The conflict that holds group `id`.
const Conflict& conflict_of(const FactionReport& report, std::string_view id) {
  const Vertex v = *builtin().find(id);
  const auto it = std::ranges::find_if(
      report.conflicts, [&](const Conflict& c) { return std::ranges::find(c.groups, v) != c.groups.end(); });
  REQUIRE(it != report.conflicts.end());
  return *it;
}

}  // namespace

TEST_CASE("the frustration index of every signed graph up to 5 nodes equals the brute-force minimum") {
  for (std::size_t nodes = 0; nodes <= 5; ++nodes) {
    CAPTURE(nodes);
    check_against_brute_force(every_signed_graph(nodes));
  }
}

TEST_CASE("the frustration index of 200 seeded random signed graphs of 3 to 12 nodes equals the brute-force minimum") {
  check_against_brute_force(random_signed_graphs(200, 12, 2026));
}

TEST_CASE("the frustration index of the standard families is the known one") {
  for (std::size_t n = 3; n <= 12; ++n) {
    CAPTURE(n);
    SignedGraph all_negative{n, {}};        // K_n, all rivals: the camps split it as evenly as can be
    SignedGraph one_negative_cycle{n, {}};  // a cycle with one rivalry: unbalanced, one tie frustrated
    for (std::size_t a = 0; a < n; ++a) {
      for (std::size_t b = a + 1; b < n; ++b) all_negative.ties.push_back({a, b, -1});
      one_negative_cycle.ties.push_back({a, (a + 1) % n, a == 0 ? -1 : +1});
    }
    const std::size_t half = n / 2;
    const std::size_t rest = n - half;
    CHECK(split_camps(n, all_negative.ties).frustration == half * (half - 1) / 2 + rest * (rest - 1) / 2);
    CHECK(split_camps(n, one_negative_cycle.ties).frustration == 1);
    CHECK(unbalanced_cycle_bound(n, one_negative_cycle.ties) == 1);
  }
}

TEST_CASE("the heuristic finds a balanced large graph's camps exactly and reports them as exact") {
  std::mt19937_64 random(7);
  SignedGraph g{60, {}};
  std::vector<unsigned char> planted(g.nodes);
  for (auto& c : planted) c = static_cast<unsigned char>(random() & 1);
  for (std::size_t a = 0; a < g.nodes; ++a)
    for (std::size_t b = a + 1; b < g.nodes; ++b)
      if (random() % 8 == 0) g.ties.push_back({a, b, planted[a] == planted[b] ? +1 : -1});
  const CampSplit split = split_camps(g.nodes, g.ties);
  check_consistent(g, split);
  CHECK(split.frustration == 0);
  CHECK(split.exact);
}

TEST_CASE("on large random signed graphs the heuristic's answer lies between its lower bound and its own count") {
  for (const SignedGraph& g : random_signed_graphs(10, 40, 99)) {
    const CampSplit split = split_camps(g.nodes, g.ties, {.exact_limit = 8});
    check_consistent(g, split);
    if (g.nodes > 8) CHECK(split.lower_bound > 0);  // dense random graphs are far from balanced
  }
}

TEST_CASE("the Sinaloa war has Los Chapitos, Los Salazar and Los Garibay against El Mayo's faction and Los Rusos") {
  const FactionReport report = factions(GraphView(builtin()));
  const Conflict& war = conflict_of(report, "los-chapitos");
  CHECK(ids(war.camps[0].groups) == std::vector<std::string>{"los-garibay", "los-chapitos", "los-salazar"});
  CHECK(ids(war.camps[1].groups) == std::vector<std::string>{"el-mayo-faction", "los-rusos"});
  CHECK(war.frustration == 0);
  CHECK(war.exact);
  const std::vector<std::string> mayo_people = ids(war.camps[1].people);
  CHECK(std::ranges::find(mayo_people, "ismael-zambada-garcia") != mayo_people.end());
  CHECK(war.relations.size() == 7);  // with Los Salazar against El Mayo's faction
  for (const Edge e : war.relations) CHECK_FALSE(builtin().relation(e).sources.empty());
}

TEST_CASE("the CJNG–La Línea pact puts the two against the Sinaloa Cartel") {
  const FactionReport report = factions(GraphView(builtin()));
  const Conflict& pact = conflict_of(report, "cjng");
  CHECK(ids(pact.camps[0].groups) == std::vector<std::string>{"cjng", "la-linea", "los-metros"});
  CHECK(ids(pact.camps[1].groups) == std::vector<std::string>{"santa-rosa-de-lima-cartel", "zetas-remnants",
                                                              "familia-michoacana", "sinaloa-cartel"});
  CHECK(pact.frustration == 0);
  REQUIRE(report.conflicts.size() == 2);
  CHECK(&report.conflicts[0] == &pact);  // the larger conflict first
}

TEST_CASE("blocs no longer join the two sides of the Sinaloa war through their parent cartel") {
  const FactionReport report = factions(GraphView(builtin()));
  const Vertex chapitos = *builtin().find("los-chapitos");
  const Vertex mayo = *builtin().find("el-mayo-faction");
  for (const Bloc& bloc : report.blocs) {
    const bool has_chapitos = std::ranges::find(bloc.groups, chapitos) != bloc.groups.end();
    const bool has_mayo = std::ranges::find(bloc.groups, mayo) != bloc.groups.end();
    CHECK_FALSE((has_chapitos && has_mayo));
    CHECK_FALSE(bloc.relations.empty());
  }
  CHECK(std::ranges::find(report.unaligned, *builtin().find("los-cuinis")) != report.unaligned.end());
}

TEST_CASE("keeping only confirmed relations leaves the built-in data with no alliance, rivalry or conflict") {
  ViewFilter filter;
  filter.min_confidence = Confidence::confirmed;
  const FactionReport report = factions(GraphView(builtin(), filter));
  CHECK(report.blocs.empty());
  CHECK(report.conflicts.empty());
  CHECK(report.candidates.empty());
  CHECK(std::ranges::find(report.unaligned, *builtin().find("los-chapitos")) != report.unaligned.end());
}
