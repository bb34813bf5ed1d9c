#include "cartelgraph/cli/commands/key_players.hpp"

#include <cstdio>
#include <string>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/text_output.hpp"

namespace cartelgraph::cli {

namespace {

// "F", "DF" or "reach": the score's name in the text.
std::string score_name(KeyPlayerCriterion criterion) {
  switch (criterion) {
    case KeyPlayerCriterion::fragmentation: return "F";
    case KeyPlayerCriterion::distance: return "DF";
    case KeyPlayerCriterion::reach: break;
  }
  return "reach";
}

// What the score measures, in one phrase.
std::string goal(const KeyPlayerOptions& options) {
  switch (options.criterion) {
    case KeyPlayerCriterion::fragmentation:
      return "whose removal leaves the most pairs unable to reach each other (fragmentation F)";
    case KeyPlayerCriterion::distance:
      return "whose removal most lengthens or cuts the paths between the others (distance-weighted fragmentation DF)";
    case KeyPlayerCriterion::reach: break;
  }
  return "that reach the most others within " + std::to_string(options.reach_steps) +
         (options.reach_steps == 1 ? " step" : " steps") + " (reach)";
}

void write_json(JsonWriter& json, const Session& session, const KeyPlayerOptions& options, const KeyPlayerSet& set) {
  const KnowledgeGraph& graph = session.graph();
  json.begin_object();
  json.member("criterion", to_string(set.criterion));
  if (set.criterion == KeyPlayerCriterion::reach) json.member("reach_steps", options.reach_steps);
  network_member(json, session);
  json.member("score", set.score);
  json.member("start", set.start);
  if (set.criterion == KeyPlayerCriterion::reach) json.member("reached", set.reached);
  json.member("seed", options.seed);
  json.member("starts", set.starts);
  json.member("swaps", set.swaps);
  json.member("samples", set.samples);
  json.member("error_bound", set.error_bound);
  json.key("members");
  json.array([&] {
    for (std::size_t i = 0; i < set.members.size(); ++i)
      json.object([&] {
        json.entity_summary(graph, set.members[i]);
        json.member("curve", set.curve[i]);
        if (set.criterion == KeyPlayerCriterion::reach) json.member("curve_reached", set.curve_reached[i]);
        json.array_member("relations", set.relations[i], [&](const Edge e) { json.relation(graph, e); });
      });
  });
  json.end_object();
}

// The lines above the members: the network, the goal, the score and how the search went.
void write_heading(const Session& session, const KeyPlayerOptions& options, const KeyPlayerSet& set) {
  std::printf("Key players (Borgatti 2006) of %s\n", network_summary(session).c_str());
  std::printf("The %zu %s %s\n", set.members.size(), set.members.size() == 1 ? "entity" : "entities",
              goal(options).c_str());
  if (set.criterion == KeyPlayerCriterion::reach)
    std::printf("Reach %.4f: %zu of the %zu others\n", set.score, set.reached,
                session.network().projection().node_count() - set.members.size());
  else
    std::printf("%s %.4f after their removal (%.4f before), over the %zu entities left\n",
                score_name(set.criterion).c_str(), set.score, set.start,
                session.network().projection().node_count() - set.members.size());
  std::printf(
      "Search: greedy start and %zu random %s (seed %llu), then the best swap of a member for any other "
      "entity until none improves (%zu made)\n",
      set.starts - 1, set.starts == 2 ? "start" : "starts", static_cast<unsigned long long>(options.seed), set.swaps);
  if (set.samples > 0)
    std::printf("DF estimated from %zu sampled sources (seed %llu): within ±%.4f with 95%% confidence\n", set.samples,
                static_cast<unsigned long long>(options.seed), set.error_bound);
}

void write_text(const Session& session, const KeyPlayerOptions& options, const KeyPlayerSet& set) {
  const KnowledgeGraph& graph = session.graph();
  write_heading(session, options, set);
  const bool reach = set.criterion == KeyPlayerCriterion::reach;
  std::printf("\n%4s  %-40s %10s\n", "#", "member", reach ? "reached" : (score_name(set.criterion) + " after").c_str());
  for (std::size_t i = 0; i < set.members.size(); ++i) {
    std::printf("%4zu  %s %10.4f", i + 1, pad(visible(graph.entity(set.members[i]).name), 40).c_str(), set.curve[i]);
    if (reach) std::printf("  (%zu)", set.curve_reached[i]);
    std::printf("\n");
    for (const Edge e : set.relations[i])
      std::printf("        %s %s\n", relation_sentence(graph, e).c_str(),
                  citation_list(graph.relation(e).sources).c_str());
  }
  std::printf(
      "\nThe curve: the score with the first 1, 2, … members %s; under each, its relations to the entities not listed "
      "before it\n",
      reach ? "reaching" : "removed");
}

}  // namespace

int answer_key_players(const Session& session, std::size_t k, const KeyPlayerOptions& options) {
  return answer(session, write_json, write_text, session, options, key_players(session.network(), k, options));
}

}  // namespace cartelgraph::cli
