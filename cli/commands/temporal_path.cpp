#include "cartelgraph/cli/commands/temporal_path.hpp"

#include <cstdio>
#include <string>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/graph/error.hpp"

namespace cartelgraph::cli {

namespace {

// What the search ran on, in words: "the criminal network" (the default), "the people network"
// or "the whole network (every layer)".
std::string searched(const Session& session, const TemporalPathRequest&) {
  const NetworkKind kind = session.network().kind();
  return kind == NetworkKind::all ? "the whole network (every layer)"
                                  : "the " + std::string(to_string(kind)) + " network";
}

// Why there is no path, in a sentence.
std::string reason(TemporalFailure failure, const TemporalPathResult& result) {
  switch (failure) {
    case TemporalFailure::outside_network: return "an entity is outside what was searched";
    case TemporalFailure::no_path: return "no path connects them at all";
    case TemporalFailure::only_undated:
      return "they are connected only through undated relations, which --undated skip leaves out (--undated allow "
             "crosses them)";
    case TemporalFailure::not_in_time_order:
      return "paths connect them, but none whose relations hold in time order" +
             (result.from_date ? " from " + result.from_date->to_string() : std::string());
    case TemporalFailure::none: break;
  }
  return {};
}

// "2018-05", or "any time" for the open clock.
std::string time_text(const HopTime& time) { return time.open() ? "any time" : time.date->to_string(); }

void time_member(JsonWriter& json, std::string_view name, const HopTime& time) {
  json.key(name);
  if (time.open()) return json.null();
  json.object([&] {
    json.member("date", time.date->to_string());
    json.member("day", time.day->to_string());
  });
}

void write_path_json(JsonWriter& json, const KnowledgeGraph& graph, const std::optional<TemporalPath>& path) {
  if (!path) return json.null();
  json.object([&] {
    json.member("length", path->length());
    time_member(json, "arrival", path->arrival);
    json.key("nodes");
    json.ids(graph, path->entities);
    json.array_member("hops", path->hops, [&](const TemporalHop& hop) {
      json.object([&] {
        json.member("from", graph.entity(hop.from).id);
        json.member("to", graph.entity(hop.to).id);
        time_member(json, "time", hop.time);
        json.member("undated", hop.undated);
        json.array_member("relations", hop.relations, [&](Edge e) { json.relation(graph, e); });
      });
    });
  });
}

void write_json(JsonWriter& json, const Session& session, const TemporalPathRequest& request, Vertex from, Vertex to,
                const TemporalPathResult& result) {
  const KnowledgeGraph& graph = session.graph();
  json.begin_object();
  json.member("from", graph.entity(from).id);
  json.member("to", graph.entity(to).id);
  json.member("time_respecting", true);
  json.key("undated");
  json.object([&] {
    json.member("policy", to_string(result.undated));
    json.member("rule", describe(result.undated));
  });
  json.member("from_date", result.from_date);
  json.member("searched", searched(session, request));
  json.member("failure", to_string(result.failure));
  if (result.failure != TemporalFailure::none) json.member("reason", reason(result.failure, result));
  json.key("shortest");
  write_path_json(json, graph, result.shortest);
  json.key("earliest");
  write_path_json(json, graph, result.earliest);
  json.end_object();
}

void print_path(const KnowledgeGraph& graph, const char* title, const TemporalPath& path) {
  std::printf("\n%s: %zu hop%s, arriving %s\n", title, path.length(), path.length() == 1 ? "" : "s",
              time_text(path.arrival).c_str());
  for (const TemporalHop& hop : path.hops) {
    std::printf("  %s  →  %s  %s%s\n", entity_label(graph, hop.from).c_str(), entity_label(graph, hop.to).c_str(),
                hop.undated ? "(undated relation, clock unmoved: " : "(at ", (time_text(hop.time) + ")").c_str());
    for (const Edge e : hop.relations) std::fputs(cited_relation(graph, e, "      ").c_str(), stdout);
  }
}

void write_text(const Session& session, const TemporalPathRequest& request, Vertex from, Vertex to,
                const TemporalPathResult& result) {
  const KnowledgeGraph& graph = session.graph();
  std::printf("Time-respecting path from %s to %s\n", entity_label(graph, from).c_str(),
              entity_label(graph, to).c_str());
  std::printf("Undated relations: %s\n", std::string(describe(result.undated)).c_str());
  std::printf("Start: %s; searched: %s\n",
              result.from_date ? (result.from_date->to_string() + " (its first day)").c_str() : "open (no --from-date)",
              searched(session, request).c_str());
  if (!result.shortest) {
    std::printf("\nNo time-respecting path: %s.\n", reason(result.failure, result).c_str());
    return;
  }
  print_path(graph, "Shortest (fewest hops, then earliest arrival)", *result.shortest);
  if (result.earliest->entities == result.shortest->entities)
    std::printf("\nEarliest arrival: the same path, arriving %s.\n", time_text(result.earliest->arrival).c_str());
  else print_path(graph, "Earliest arrival (then fewest hops)", *result.earliest);
}

}  // namespace

int answer_temporal_path(const Session& session, Vertex from, Vertex to, const TemporalPathRequest& request) {
  const bool people = session.network().kind() == NetworkKind::people;
  if (people && request.directed)
    throw Error(ErrorCategory::usage, "--directed does not apply to the people network, whose ties have no direction");
  // The network's ties (criminal by default): an arrest by the same agency ties two people in time
  // order on every layer, but says nothing about a connection between them.
  const TemporalTies ties = people ? TemporalTies::of_network(session.network(), request.undated)
                                   : TemporalTies::of_view(session.network().view(), request.directed, request.undated);
  const TemporalPathResult result = find_temporal_path(ties, from, to, {request.from_date});
  answer(session, write_json, write_text, session, request, from, to, result);
  if (result.shortest) return exit_ok;
  std::fprintf(stderr, "cartelgraph: no time-respecting path from %s to %s (undated: %s): %s\n",
               visible(session.graph().entity(from).id).c_str(), visible(session.graph().entity(to).id).c_str(),
               std::string(to_string(result.undated)).c_str(), reason(result.failure, result).c_str());
  return exit_no_result;
}

}  // namespace cartelgraph::cli
