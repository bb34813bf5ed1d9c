#pragma once
// A small graph built in code, shared by the graph, view and query tests.

#include "cartelgraph/graph/knowledge_graph.hpp"

namespace cartelgraph::testing {

inline Entity make_entity(std::string id, EntityType type, std::string name,
                          std::vector<std::string> aliases = {}) {
  return {std::move(id), type, std::move(name), std::move(aliases), "Test entity.",
          {{"doc", "Heading", "Supports it."}}, "test"};
}

inline Relation make_relation(RelationKind kind, Confidence confidence,
                              const char* since = nullptr, const char* until = nullptr) {
  Relation relation;
  relation.kind = kind;
  relation.confidence = confidence;
  if (since) relation.since = Date::parse(since);
  if (until) relation.until = Date::parse(until);
  relation.sources = {{"doc", "Heading", "Supports it."}};
  return relation;
}

/// Los Salazar (allied with Los Garibay since 2021-03, reported), Los Rusos (rival of Los
/// Salazar, alleged), El Ruso (leads Los Rusos, confirmed, 2019 to 2020) and Mexicali.
inline KnowledgeGraph sample_graph() {
  KnowledgeGraph g;
  g.add_source({"doc", "A document", "", "", "2021-04-08", "", "doc.txt"});
  const auto salazar = g.add_entity(make_entity("los-salazar", EntityType::faction, "Los Salazar"));
  const auto garibay = g.add_entity(make_entity("los-garibay", EntityType::organization, "Los Garibay"));
  const auto rusos = g.add_entity(make_entity("los-rusos", EntityType::faction, "Los Rusos"));
  const auto ruso = g.add_entity(make_entity("jesus-alexander-sanchez-felix", EntityType::person,
                                             "Jesús Alexander Sánchez Félix", {"El Ruso"}));
  const auto mexicali = g.add_entity(make_entity("mexicali", EntityType::place, "Mexicali"));
  g.add_relation(salazar, garibay, make_relation(RelationKind::allied_with, Confidence::reported, "2021-03"));
  g.add_relation(rusos, salazar, make_relation(RelationKind::rival_of, Confidence::alleged));
  g.add_relation(ruso, rusos, make_relation(RelationKind::leads, Confidence::confirmed, "2019", "2020"));
  auto contest = make_relation(RelationKind::contests, Confidence::reported, "2021-01");
  g.add_relation(salazar, mexicali, contest);
  return g;
}

}  // namespace cartelgraph::testing
