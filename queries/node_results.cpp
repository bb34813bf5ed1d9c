#include "cartelgraph/queries/node_results.hpp"

#include <algorithm>
#include <array>
#include <iterator>

#include "cartelgraph/queries/centrality.hpp"
#include "cartelgraph/queries/communities.hpp"
#include "cartelgraph/queries/disruption.hpp"
#include "cartelgraph/queries/factions.hpp"

namespace cartelgraph {

namespace {

constexpr std::array<std::string_view, 3> analysis_names = {"sides", "communities", "centrality"};

// `conflict` and `side` of every group and person in a conflict.
std::vector<NodeColumn> side_columns(const Network& network) {
  NodeColumn conflict{"conflict", true, {}, {}};
  NodeColumn side{"side", false, {}, {}};
  const FactionReport report = factions(network.view());
  for (std::size_t i = 0; i < report.conflicts.size(); ++i)
    for (std::size_t c = 0; c < 2; ++c) {
      const Camp& camp = report.conflicts[i].camps[c];
      const std::string letter = c == 0 ? "A" : "B";
      const auto put = [&](Vertex v) {
        if (conflict.numbers.contains(v) && conflict.numbers[v] != static_cast<double>(i + 1)) return;  // the larger
        conflict.numbers[v] = static_cast<double>(i + 1);
        const auto [it, added] = side.labels.try_emplace(v, letter);
        if (!added && it->second != letter) it->second = "both";
      };
      std::ranges::for_each(camp.groups, put);
      std::ranges::for_each(camp.people, put);
    }
  return {std::move(conflict), std::move(side)};
}

// `community`: 1 for the largest community, 2 for the next…
std::vector<NodeColumn> community_columns(const Network& network, const NodeColumnOptions& options) {
  CommunityOptions how;
  how.seed = options.seed;
  const CommunityResult result = communities(network, how);
  NodeColumn column{"community", true, {}, {}};
  for (std::size_t i = 0; i < result.community.size(); ++i)
    column.numbers.emplace(result.community.entity(Projection::id(i)),
                           static_cast<double>(result.community.at(Projection::id(i)) + 1));
  return {std::move(column)};
}

// One column per centrality measure.
std::vector<NodeColumn> centrality_columns(const Network& network, const NodeColumnOptions& options) {
  const Projection& projection = network.projection();
  CentralityOptions how;
  how.threads = options.threads;
  how.seed = options.seed;
  how.samples = sample_count(DisruptionOptions{}, projection.node_count());
  std::vector<NodeColumn> columns;
  for (const std::string_view name : names<CentralityMeasure>()) {
    const CentralityMeasure measure = *parse_centrality_measure(name);
    const CentralityScores scores = centrality(projection, measure, how);
    NodeColumn column{std::string(name), true, {}, {}};
    for (std::size_t i = 0; i < scores.size(); ++i)
      column.numbers.emplace(scores.entity(Projection::id(i)), scores.at(Projection::id(i)));
    columns.push_back(std::move(column));
  }
  return columns;
}

}  // namespace

template <>
std::span<const std::string_view> names<NodeAnalysis>() noexcept {
  return analysis_names;
}

std::string_view to_string(NodeAnalysis analysis) noexcept { return name_of(analysis); }

std::vector<NodeColumn> node_columns(const Network& network, std::span<const NodeAnalysis> analyses,
                                     const NodeColumnOptions& options) {
  std::vector<NodeColumn> columns;
  std::vector<NodeAnalysis> done;
  for (const NodeAnalysis analysis : analyses) {
    if (std::ranges::find(done, analysis) != done.end()) continue;
    done.push_back(analysis);
    std::vector<NodeColumn> more;
    switch (analysis) {
      case NodeAnalysis::sides: more = side_columns(network); break;
      case NodeAnalysis::communities: more = community_columns(network, options); break;
      case NodeAnalysis::centrality: more = centrality_columns(network, options); break;
    }
    std::ranges::move(more, std::back_inserter(columns));
  }
  return columns;
}

}  // namespace cartelgraph
