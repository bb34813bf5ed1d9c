// Missing ties against a peer: NetworkX 2.8's adamic_adar_index, resource_allocation_index and
// jaccard_coefficient, and Katz's closed form (I - βA)^-1 - I by numpy's matrix inverse, as
// tests/peer/networkx_link_prediction.py wrote them into tests/fixtures/networkx_link_prediction.json;
// Katz also against a Gauss–Jordan inverse written here; and the area under the ROC curve of
// every score when 10% of a planted-partition network's ties are hidden.
#include <doctest/doctest.h>

#include <rapidjson/document.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "cartelgraph/graph/error.hpp"
#include "cartelgraph/loaders/builtin_data.hpp"
#include "cartelgraph/queries/link_prediction.hpp"

using namespace cartelgraph;

namespace {

constexpr double tolerance = 1e-9;
constexpr std::size_t everything = std::numeric_limits<std::size_t>::max();
constexpr LinkScore neighbourhood_scores[] = {LinkScore::adamic_adar, LinkScore::resource_allocation,
                                              LinkScore::jaccard};

const rapidjson::Document& expected() {
  static const rapidjson::Document document = [] {
    std::ifstream in(std::string(CARTELGRAPH_SOURCE_DIR) + "/tests/fixtures/networkx_link_prediction.json");
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    rapidjson::Document d;
    d.Parse(text.c_str());
    return d;
  }();
  return document;
}

using Pair = std::pair<std::size_t, std::size_t>;

Projection projection_of(const rapidjson::Value& graph) {
  std::vector<Pair> edges;
  for (const auto& e : graph["edges"].GetArray()) edges.emplace_back(e[0].GetUint(), e[1].GetUint());
  return Projection::from_edges(graph["nodes"].GetUint(), edges);
}

// The fixture's scores (column 2, 3 or 4 of each row [a, b, aa, ra, jaccard]) by pair.
std::map<Pair, double> expected_scores(const rapidjson::Value& rows, LinkScore score) {
  const auto column = static_cast<rapidjson::SizeType>(2 + static_cast<int>(score));
  std::map<Pair, double> scores;
  for (const auto& row : rows.GetArray()) scores[{row[0].GetUint(), row[1].GetUint()}] = row[column].GetDouble();
  return scores;
}

// `found` as a map from ordered pairs to scores.
std::map<Pair, double> by_pair(const std::vector<ScoredPair>& found) {
  std::map<Pair, double> scores;
  for (const ScoredPair& p : found) scores[{std::min(p.a, p.b), std::max(p.a, p.b)}] = p.score;
  return scores;
}

// Same pairs (of nodes or of entity ids), every score within the tolerance.
template <class Key>
void check_same(const std::map<Key, double>& found, const std::map<Key, double>& wanted) {
  REQUIRE(found.size() == wanted.size());
  for (const auto& [pair, score] : wanted) {
    CAPTURE(pair.first);
    CAPTURE(pair.second);
    REQUIRE(found.contains(pair));
    CHECK(std::abs(found.at(pair) - score) <= tolerance);
  }
}

// The pairs of `wanted` that involve `node`.
std::map<Pair, double> involving(const std::map<Pair, double>& wanted, std::size_t node) {
  std::map<Pair, double> kept;
  for (const auto& [pair, score] : wanted)
    if (pair.first == node || pair.second == node) kept[pair] = score;
  return kept;
}

// Every pair's score, over the whole projection and from each of its nodes, against `wanted`.
void check_everywhere(const Projection& projection, LinkScore score, const std::map<Pair, double>& wanted,
                      const KatzSetting* katz = nullptr) {
  check_same(by_pair(score_pairs(projection, score, everything, katz, 2)), wanted);
  for (Projection::Node u = 0; u < projection.node_count(); ++u) {
    CAPTURE(u);
    check_same(by_pair(score_candidates(projection, u, score, everything, katz)), involving(wanted, u));
  }
}

}  // namespace

TEST_CASE("the link prediction fixture was computed by NetworkX 2.8") {
  REQUIRE(expected().IsObject());
  CHECK(std::string(expected()["networkx"].GetString()).starts_with("2.8"));
}

TEST_CASE("Adamic-Adar, resource allocation and Jaccard equal NetworkX's on random and special graphs") {
  for (const auto& graph : expected()["graphs"].GetArray()) {
    const std::string name = graph["name"].GetString();
    CAPTURE(name);
    const Projection projection = projection_of(graph);
    for (const LinkScore score : neighbourhood_scores) {
      CAPTURE(to_string(score));
      const auto wanted = expected_scores(graph["scores"], score);
      check_everywhere(projection, score, wanted);
      for (const auto& [pair, value] : wanted)
        CHECK(std::abs(pair_score(projection, pair.first, pair.second, score) - value) <= tolerance);
    }
  }
}

TEST_CASE("Katz equals the closed form (I - βA)^-1 - I that numpy inverts, for every pair and from every node") {
  for (const auto& graph : expected()["graphs"].GetArray()) {
    const std::string name = graph["name"].GetString();
    CAPTURE(name);
    const Projection projection = projection_of(graph);
    for (const auto& katz : graph["katz"].GetArray()) {
      const double beta = katz["beta"].GetDouble();
      CAPTURE(beta);
      const KatzSetting setting = katz_setting(projection, beta);
      CHECK(setting.beta == beta);
      std::map<Pair, double> wanted;
      for (const auto& row : katz["pairs"].GetArray())
        wanted[{row[0].GetUint(), row[1].GetUint()}] = row[2].GetDouble();
      check_everywhere(projection, LinkScore::katz, wanted, &setting);
    }
  }
}

namespace {

// (I - βA)^-1 - I by Gauss–Jordan elimination with partial pivoting, dense. O(n³).
std::vector<std::vector<double>> katz_by_inverse(const Projection& projection, double beta) {
  const std::size_t n = projection.node_count();
  std::vector<std::vector<double>> m(n, std::vector<double>(2 * n, 0.0));
  for (std::size_t i = 0; i < n; ++i) {
    m[i][i] = 1;
    m[i][n + i] = 1;
    for (const auto j : projection.neighbors(i)) m[i][j] -= beta;
  }
  for (std::size_t c = 0; c < n; ++c) {
    std::size_t pivot = c;
    for (std::size_t r = c + 1; r < n; ++r)
      if (std::abs(m[r][c]) > std::abs(m[pivot][c])) pivot = r;
    std::swap(m[c], m[pivot]);
    const double divisor = m[c][c];
    for (auto& x : m[c]) x /= divisor;
    for (std::size_t r = 0; r < n; ++r) {
      if (r == c || m[r][c] == 0) continue;
      const double factor = m[r][c];
      for (std::size_t k = 0; k < 2 * n; ++k) m[r][k] -= factor * m[c][k];
    }
  }
  std::vector<std::vector<double>> katz(n, std::vector<double>(n));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) katz[i][j] = m[i][n + j] - (i == j ? 1 : 0);
  return katz;
}

// A G(n, p) random graph, seeded.
Projection random_graph(std::size_t n, double p, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::bernoulli_distribution tie(p);
  std::vector<Pair> edges;
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = a + 1; b < n; ++b)
      if (tie(random)) edges.emplace_back(a, b);
  return Projection::from_edges(n, edges);
}

}  // namespace

TEST_CASE("Katz equals a brute-force matrix inverse on random graphs, β near its limit too") {
  for (std::uint64_t seed = 1; seed <= 4; ++seed) {
    const Projection projection = random_graph(25, 0.15, seed);
    const SpectralRadius radius = spectral_radius(projection);
    for (const double beta : {0.05, 0.9 / radius.upper}) {
      CAPTURE(seed);
      CAPTURE(beta);
      const KatzSetting setting = katz_setting(projection, beta);
      const auto inverse = katz_by_inverse(projection, beta);
      for (Projection::Node u = 0; u < projection.node_count(); ++u)
        for (const ScoredPair& p : score_candidates(projection, u, LinkScore::katz, everything, &setting))
          CHECK(std::abs(p.score - inverse[p.a][p.b]) <= tolerance);
    }
  }
}

TEST_CASE("λmax is bracketed tightly around numpy's eigenvalue, and a β not below 1/λmax is refused") {
  for (const auto& graph : expected()["graphs"].GetArray()) {
    const std::string name = graph["name"].GetString();
    CAPTURE(name);
    const Projection projection = projection_of(graph);
    const double lambda = graph["lambda_max"].GetDouble();
    const SpectralRadius radius = spectral_radius(projection);
    CHECK(radius.lower <= lambda + tolerance);
    CHECK(radius.upper >= lambda - tolerance);
    CHECK(radius.upper - radius.lower <= 1e-6 * lambda);
    CHECK_THROWS_AS((void)katz_setting(projection, 1.001 / lambda), Error);
    CHECK(katz_setting(projection, 0.999 / lambda).beta == 0.999 / lambda);
  }
  CHECK_THROWS_AS((void)katz_setting(random_graph(5, 0.5, 1), 0.0), Error);
  CHECK_THROWS_AS((void)katz_setting(random_graph(5, 0.5, 1), -0.1), Error);
}

TEST_CASE("the default β is 0.05, or half of 1/λmax where 0.05 is not below that") {
  std::vector<Pair> edges;
  for (std::size_t a = 0; a < 30; ++a)
    for (std::size_t b = a + 1; b < 30; ++b) edges.emplace_back(a, b);
  const Projection complete = Projection::from_edges(31, edges);  // λmax = 29, node 30 isolated
  const KatzSetting setting = katz_setting(complete, std::nullopt);
  CHECK(setting.lowered);
  CHECK(std::abs(setting.beta - 0.5 / 29) <= tolerance);
  const Projection sparse = random_graph(20, 0.1, 3);
  CHECK(spectral_radius(sparse).upper < 10);
  CHECK_FALSE(katz_setting(sparse, std::nullopt).lowered);
  CHECK(katz_setting(sparse, std::nullopt).beta == default_katz_beta);
  std::vector<Pair> twelve;  // λmax = 11: 0.05 is below 1/11 but not below half of it
  for (std::size_t a = 0; a < 12; ++a)
    for (std::size_t b = a + 1; b < 12; ++b) twelve.emplace_back(a, b);
  const KatzSetting near = katz_setting(Projection::from_edges(12, twelve), std::nullopt);
  CHECK(near.lowered);
  CHECK(std::abs(near.beta - 0.5 / 11) <= tolerance);
}

namespace {

// The fixture's rows keyed by entity id pairs (smaller id first), for the network `nodes` lists.
std::map<std::pair<std::string, std::string>, double> by_ids(const rapidjson::Value& nodes,
                                                             const std::map<Pair, double>& scores) {
  std::map<std::pair<std::string, std::string>, double> keyed;
  for (const auto& [pair, score] : scores) {
    std::string a = nodes[static_cast<rapidjson::SizeType>(pair.first)].GetString();
    std::string b = nodes[static_cast<rapidjson::SizeType>(pair.second)].GetString();
    if (b < a) std::swap(a, b);
    keyed[{a, b}] = score;
  }
  return keyed;
}

// Every untied pair's neighbourhood scores of `network` against the fixture's `peer` object.
void check_network(const KnowledgeGraph& graph, const Network& network, const rapidjson::Value& peer) {
  const Projection& projection = network.projection();
  REQUIRE(peer["nodes"].Size() == projection.node_count());
  rapidjson::Value ids(rapidjson::kArrayType);
  rapidjson::Document ours;
  for (Projection::Node u = 0; u < projection.node_count(); ++u)
    ids.PushBack(rapidjson::StringRef(graph.entity(projection.entity(Projection::id(u))).id.c_str()),
                 ours.GetAllocator());
  for (const LinkScore score : neighbourhood_scores) {
    CAPTURE(to_string(score));
    const auto found = by_ids(ids, by_pair(score_pairs(projection, score, everything)));
    check_same(found, by_ids(peer["nodes"], expected_scores(peer["scores"], score)));
  }
}

}  // namespace

TEST_CASE("on the built-in data every layer's and the people network's scores equal NetworkX's") {
  const KnowledgeGraph graph = load_builtin_graph();
  const GraphView all(graph, network_filter({}, NetworkKind::all));
  check_network(graph, Network(all, NetworkKind::all), expected()["builtin"]);
  const GraphView criminal(graph, network_filter({}, NetworkKind::criminal));
  check_network(graph, Network(criminal, NetworkKind::people), expected()["people"]);
}

TEST_CASE("on the built-in data Katz from an entity equals numpy's closed form") {
  const KnowledgeGraph graph = load_builtin_graph();
  const GraphView all(graph, network_filter({}, NetworkKind::all));
  const Network network(all, NetworkKind::all);
  const Projection& projection = network.projection();
  const auto& builtin = expected()["builtin"];
  const KatzSetting katz = katz_setting(projection, builtin["katz_beta"].GetDouble());
  CHECK(katz.radius.lower <= builtin["lambda_max"].GetDouble() + tolerance);
  CHECK(katz.radius.upper >= builtin["lambda_max"].GetDouble() - tolerance);
  for (const auto& row : builtin["katz_rows"].GetObject()) {
    const std::string id = row.name.GetString();
    CAPTURE(id);
    const auto node = projection.node(*graph.find(id));
    REQUIRE(node);
    const auto found = score_candidates(projection, Projection::index(*node), LinkScore::katz, everything, &katz);
    REQUIRE(found.size() == row.value.MemberCount());
    for (const ScoredPair& p : found) {
      const std::string other = graph.entity(projection.entity(Projection::id(p.b))).id;
      CAPTURE(other);
      REQUIRE(row.value.HasMember(other.c_str()));
      CHECK(std::abs(p.score - row.value[other.c_str()].GetDouble()) <= tolerance);
    }
  }
}

namespace {

// Each connection of `tie` runs from a to b, hop after hop, each hop a tie of the network with
// the relations behind it, joining the hop's two ends.
void check_cited(const KnowledgeGraph& graph, const Network& network, const SuggestedTie& tie) {
  REQUIRE_FALSE(tie.connections.empty());
  for (const auto& connection : tie.connections) {
    REQUIRE_FALSE(connection.empty());
    CHECK(connection.front().from == tie.a);
    CHECK(connection.back().to == tie.b);
    for (std::size_t i = 0; i < connection.size(); ++i) {
      const CitedHop& hop = connection[i];
      if (i > 0) CHECK(hop.from == connection[i - 1].to);
      CHECK_FALSE(hop.relations.empty());
      CHECK(hop.relations == network.tie_relations(hop.from, hop.to));
      for (const Edge e : hop.relations) {
        const std::set<Vertex> ends = {boost::source(e, graph.graph()), boost::target(e, graph.graph())};
        CHECK(ends == std::set<Vertex>{hop.from, hop.to});
        CHECK_FALSE(graph.relation(e).sources.empty());
      }
    }
  }
}

}  // namespace

TEST_CASE("every suggested tie is justified by its shared neighbours or shortest paths, each hop cited") {
  const KnowledgeGraph graph = load_builtin_graph();
  const GraphView criminal(graph, network_filter({}, NetworkKind::criminal));
  const Network network(criminal, NetworkKind::criminal);
  const Projection& projection = network.projection();
  const Vertex mencho = *graph.find("nemesio-oseguera-cervantes");
  for (const LinkScore score :
       {LinkScore::adamic_adar, LinkScore::resource_allocation, LinkScore::jaccard, LinkScore::katz}) {
    CAPTURE(to_string(score));
    for (const std::optional<Vertex> entity : {std::optional<Vertex>(), std::optional<Vertex>(mencho)}) {
      const TieSuggestions found = suggest_ties(network, entity, {.score = score, .limit = 8});
      REQUIRE(found.ties.size() == 8);
      CHECK(found.katz.has_value() == (score == LinkScore::katz));
      for (const SuggestedTie& tie : found.ties) {
        if (entity) CHECK(tie.a == *entity);
        CHECK(network.tie_relations(tie.a, tie.b).empty());
        check_cited(graph, network, tie);
        const auto a = Projection::index(*projection.node(tie.a));
        const auto b = Projection::index(*projection.node(tie.b));
        if (score == LinkScore::katz) {
          CHECK(tie.connections.size() <= 3);
          for (const auto& path : tie.connections) CHECK(path.size() == tie.connections.front().size());
        } else {
          CHECK(std::abs(pair_score(projection, a, b, score) - tie.score) <= tolerance);
          const auto shared = pair_score(projection, a, b, LinkScore::jaccard) *
                              static_cast<double>(projection.degree(a) + projection.degree(b));
          CHECK(static_cast<double>(tie.connections.size()) ==
                doctest::Approx(shared / (1 + pair_score(projection, a, b, LinkScore::jaccard))));
        }
      }
    }
  }
  CHECK_THROWS_AS((void)suggest_ties(network, *graph.find("mexicali"), {}), std::invalid_argument);
}

namespace {

// A planted partition: `groups` communities of `size` nodes, a pair tied with probability
// `inside` within a community and `across` between two. Seeded; pairs (a < b).
std::vector<Pair> planted_partition(std::size_t groups, std::size_t size, double inside, double across,
                                    std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::uniform_real_distribution<double> draw(0, 1);
  std::vector<Pair> edges;
  for (std::size_t a = 0; a < groups * size; ++a)
    for (std::size_t b = a + 1; b < groups * size; ++b)
      if (draw(random) < (a / size == b / size ? inside : across)) edges.emplace_back(a, b);
  return edges;
}

// The area under the ROC curve: the chance that a hidden tie scores above an untied pair of the
// whole network (ties counting one half), every untied pair counted, those not scored at 0.
double area_under_roc(const Projection& training, LinkScore score, const KatzSetting* katz,
                      const std::vector<Pair>& hidden, std::size_t untied) {
  std::map<Pair, double> scored;
  for (Projection::Node u = 0; u < training.node_count(); ++u)
    for (const ScoredPair& p : score_candidates(training, u, score, everything, katz))
      if (p.a < p.b) scored[{p.a, p.b}] = p.score;
  std::vector<double> positives;
  for (const Pair& pair : hidden) {
    const auto it = scored.find(pair);
    positives.push_back(it == scored.end() ? 0 : it->second);
    if (it != scored.end()) scored.erase(it);
  }
  std::vector<double> negatives;  // the untied pairs that score above 0
  for (const auto& [pair, value] : scored) negatives.push_back(value);
  std::sort(negatives.begin(), negatives.end());
  const double zeros = static_cast<double>(untied - negatives.size());
  double wins = 0;
  for (const double s : positives) {
    const auto below = std::lower_bound(negatives.begin(), negatives.end(), s) - negatives.begin();
    const auto equal = std::upper_bound(negatives.begin(), negatives.end(), s) - negatives.begin() - below;
    wins += s > 0 ? zeros + static_cast<double>(below) + 0.5 * static_cast<double>(equal) : 0.5 * zeros;
  }
  return wins / (static_cast<double>(positives.size()) * static_cast<double>(untied));
}

}  // namespace

// The figures printed here are the ones bench/RESULTS.md quotes:
//   build/dev/tests/cartelgraph_tests -tc="*hidden*"
TEST_CASE("hiding 10% of a planted partition's ties, every score ranks them above untied pairs: AUC above 0.7") {
  constexpr std::size_t nodes = 500;
  std::vector<Pair> edges = planted_partition(10, 50, 0.2, 0.005, 7);
  std::shuffle(edges.begin(), edges.end(), std::mt19937_64(11));
  const std::size_t hide = edges.size() / 10;
  std::vector<Pair> hidden(edges.begin(), edges.begin() + static_cast<std::ptrdiff_t>(hide));
  const std::vector<Pair> kept(edges.begin() + static_cast<std::ptrdiff_t>(hide), edges.end());
  const Projection training = Projection::from_edges(nodes, kept);
  const std::size_t untied = nodes * (nodes - 1) / 2 - edges.size();
  const KatzSetting katz = katz_setting(training, std::nullopt);
  MESSAGE("planted partition: 10 communities of 50, p_in 0.2, p_out 0.005 (seed 7): " << edges.size() << " ties, "
                                                                                      << hide << " hidden (seed 11)");
  for (const LinkScore score :
       {LinkScore::adamic_adar, LinkScore::resource_allocation, LinkScore::jaccard, LinkScore::katz}) {
    const double auc = area_under_roc(training, score, &katz, hidden, untied);
    MESSAGE(to_string(score) << (score == LinkScore::katz ? " (β " + std::to_string(katz.beta) + ")" : "") << ": AUC "
                             << auc);
    CHECK(auc > 0.7);
  }
}
