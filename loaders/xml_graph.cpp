#include "cartelgraph/loaders/xml_graph.hpp"

#include "cartelgraph/loaders/fact_records.hpp"

#include <rapidjson/document.h>

#include <cmath>
#include <cstdlib>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>

namespace cartelgraph::detail {

namespace {

std::optional<std::vector<Citation>> parse_citations(const std::string& json) {
  rapidjson::Document d;
  d.Parse(json.c_str());
  if (d.HasParseError()) return std::nullopt;
  return citations_of(d);
}

// Turns a read document into the model: nodes into entities, edges into candidate relations
// that go through the shared relation checks.
class Builder final : public RelationReader {
 public:
  Builder(const FactFile& file, const XmlGraph& document, const LoadOptions& options, const XmlGraphPolicy& policy,
          LoadResult& result)
      : file_(file),
        document_(document),
        options_(options),
        policy_(policy),
        problems_(result.problems),
        notes_(result.notes),
        warnings_(result.warnings),
        untyped_(result.untyped) {}

  void build(KnowledgeGraph& graph) {
    read_sources(graph);
    for (const XmlElement& node : document_.nodes) read_node(node);
    for (std::size_t i = 0; i < document_.edges.size(); ++i) read_edge(i);
    check_relation_set(relations_, entities_.size(), policy_.provenance, *this);
    if (!problems_.empty()) return;
    graph.add_storyline({storyline_, storyline_});
    std::vector<Vertex> vertices;
    vertices.reserve(entities_.size());
    for (auto& entity : entities_) vertices.push_back(graph.add_entity(std::move(entity)));
    for (auto& r : relations_) graph.add_relation(vertices[r.from], vertices[r.to], std::move(r.relation));
  }

  void problem(std::size_t origin, RelationPart, std::string message) override {
    report(document_.edges[origin].at, std::move(message));
  }
  void note(std::size_t origin, std::string message) override {
    const XmlPosition at = document_.edges[origin].at;
    notes_.push_back({file_.path, at.line, at.column, std::move(message)});
  }
  std::string where(std::size_t origin) override { return where(document_.edges[origin].at); }
  std::string_view entity_id(std::size_t entity) override { return entities_[entity].id; }

 private:
  void report(XmlPosition at, std::string message) {
    problems_.push_back({file_.path, at.line, at.column, std::move(message)});
  }
  // A hidden character in `text`, the value of `member` read at `at`: a problem in an id or a
  // name when it is a control character, else a warning, as in fact files.
  void check_text(XmlPosition at, std::string_view member, std::string_view text, bool is_name) {
    auto finding = hidden_finding(member, text, is_name);
    if (!finding) return;
    if (finding->refused) return report(at, std::move(finding->message));
    warnings_.push_back({file_.path, at.line, at.column, std::move(finding->message)});
  }
  std::string where(XmlPosition at) const {
    return file_.path + ':' + std::to_string(at.line) + ':' + std::to_string(at.column);
  }

  // Calls visit(attribute name, datum) for each datum of `element`, then for each default value
  // of a key of this domain that the element does not set.
  template <class Visit>
  void for_each_value(const XmlElement& element, const char* domain, Visit visit) {
    std::set<std::string> seen;
    for (const XmlDatum& d : element.data) {
      if (!d.name.empty()) {
        visit(d.name, d);
        continue;
      }
      const auto key = document_.keys.find(d.key);
      if (key == document_.keys.end()) {
        report(d.at, "data refers to undeclared key '" + d.key + "'");
        continue;
      }
      seen.insert(d.key);
      visit(key->second.name, d);
    }
    for (const auto& [id, key] : document_.keys)
      if ((key.domain == domain || key.domain == "all") && !key.default_value.empty() && !seen.contains(id))
        visit(key.name, XmlDatum{id, key.default_value, element.at, {}});
  }

  std::vector<Citation> citations(const XmlDatum& d) {
    auto parsed = parse_citations(d.value);
    if (!parsed) {
      report(d.at, "'sources' is not a JSON array of {source, section, support, note} (support: " +
                       joined_names<CitationSupport>(" or ") + ", or left out for text)");
      return {};
    }
    for (std::size_t i = 0; i < parsed->size(); ++i) {
      const Citation& c = (*parsed)[i];
      if (!source_ids_.contains(c.source)) report(d.at, "unknown source id '" + c.source + "'");
      check_text(d.at, "sources/" + std::to_string(i) + "/note", c.note, false);
    }
    return std::move(*parsed);
  }

  static std::vector<std::string> parse_aliases(const std::string& text) {
    std::vector<std::string> aliases;
    rapidjson::Document d;
    d.Parse(text.c_str());
    if (!d.HasParseError() && d.IsArray()) {
      for (const auto& a : d.GetArray())
        if (a.IsString()) aliases.emplace_back(a.GetString(), a.GetStringLength());
      return aliases;
    }
    std::size_t start = 0;  // a plain list: "a; b; c"
    while (start <= text.size()) {
      std::size_t end = text.find(';', start);
      if (end == std::string::npos) end = text.size();
      std::string alias = text.substr(start, end - start);
      while (!alias.empty() && alias.front() == ' ') alias.erase(alias.begin());
      while (!alias.empty() && alias.back() == ' ') alias.pop_back();
      if (!alias.empty()) aliases.push_back(alias);
      start = end + 1;
    }
    return aliases;
  }

  void read_sources(KnowledgeGraph& graph) {
    for (const XmlDatum& d : document_.graph_data) {
      const auto key = document_.keys.find(d.key);
      const bool sources = d.name.empty() ? key != document_.keys.end() && key->second.name == "sources"
                                          : d.name == "sources";
      if (!sources) continue;
      rapidjson::Document json;
      json.Parse(d.value.c_str());
      if (json.HasParseError() || !json.IsArray()) {
        report(d.at, "graph 'sources' is not a JSON array of source records");
        continue;
      }
      for (const auto& s : json.GetArray()) {
        const auto text = [&](const char* name) {
          return s.IsObject() && s.HasMember(name) && s[name].IsString() ? std::string(s[name].GetString())
                                                                         : std::string();
        };
        Source source{text("id"),        text("title"), text("author"),  text("publisher"),
                      text("published"), text("url"),   text("document")};
        source.kind = parse<SourceKind>(text("kind")).value_or(SourceKind::document);
        source.confidential = s.IsObject() && s.HasMember("confidential") && s["confidential"].IsBool() &&
                              s["confidential"].GetBool();
        if (source.id.empty() || source_ids_.contains(source.id)) {
          report(d.at, "source record without an id, or with a duplicate id '" + source.id + "'");
          continue;
        }
        source_ids_.insert(source.id);
        check_text(d.at, "id", source.id, true);
        check_text(d.at, "title", source.title, false);
        graph.add_source(std::move(source));
      }
    }
  }

  // A node becomes an entity, unless it has no id or one already taken.
  void read_node(const XmlElement& node) {
    if (node.id.empty()) return report(node.at, "node without an id");
    if (const auto it = numbers_.find(node.id); it != numbers_.end())
      return report(node.at, "duplicate node id '" + node.id + "' (first defined at " +
                                 where(document_.nodes[it->second.node].at) + ")");
    numbers_.emplace(node.id, Number{entities_.size(), static_cast<std::size_t>(&node - document_.nodes.data())});
    check_text(node.at, "id", node.id, true);
    Entity entity;
    entity.id = node.id;
    entity.type = options_.default_type;
    std::string label;
    bool typed = false;
    for_each_value(node, "node", [&](const std::string& name, const XmlDatum& d) {
      if (name == "type") {
        typed = true;
        if (const auto type = parse_entity_type(d.value)) entity.type = *type;
        else report(d.at, "unknown entity type '" + d.value + "'");
      } else if (name == "name" || name == "known_as" || name == "label") {
        check_text(d.at, name, d.value, true);
        if (name == "name") entity.name = d.value;
        else if (name == "known_as") entity.known_as = d.value;
        else label = d.value;
      } else if (name == "aliases") {
        entity.aliases = parse_aliases(d.value);
        for (std::size_t i = 0; i < entity.aliases.size(); ++i)
          check_text(d.at, "aliases/" + std::to_string(i), entity.aliases[i], false);
      } else if (name == "description") {
        check_text(d.at, name, d.value, false);
        entity.description = d.value;
      } else if (name == "sources") {
        entity.sources = citations(d);
      } else if (name == "storyline") {
        entity.storyline = d.value;
      }
    });
    if (entity.name.empty()) entity.name = label.empty() ? entity.id : label;
    if (entity.storyline.empty()) entity.storyline = storyline_;
    if (!typed) untyped_.push_back(entity.id);
    entities_.push_back(std::move(entity));
  }

  // The entity number of node `id`, reporting an unknown one at `at`.
  std::optional<std::size_t> node_number(const std::string& id, XmlPosition at, std::string_view role, bool& ok) {
    const auto it = numbers_.find(id);
    if (it != numbers_.end()) return it->second.entity;
    report(at, "unknown node id '" + id + "'" + std::string(role));
    ok = false;
    return std::nullopt;
  }

  RelationEnd end_of(const std::string& id, const std::optional<std::size_t>& number) const {
    return {id, number ? std::optional(entities_[*number].type) : std::nullopt};
  }

  // An edge becomes a candidate relation; if it passes the relation checks, it is kept.
  void read_edge(std::size_t index) {
    const XmlElement& edge = document_.edges[index];
    bool ok = true;
    const auto from = node_number(edge.source, edge.at, "", ok);
    const auto to = node_number(edge.target, edge.at, "", ok);
    bool kind_known = true;
    Relation relation = edge_values(edge, kind_known, ok);
    CandidateRelation candidate{index,
                                kind_known ? std::optional(relation.kind) : std::nullopt,
                                end_of(edge.source, from),
                                end_of(edge.target, to),
                                relation.since,
                                relation.until,
                                relation.known_by,
                                relation.ended_by,
                                std::nullopt};
    if (!relation.place.empty())
      if (const auto place = node_number(relation.place, edge.at, " in 'place'", ok))
        candidate.place = end_of(relation.place, place);
    // An edge with a value that cannot be read goes no further: every finding about an edge
    // points at the same <edge>, so one problem at a time is clearer there than in a fact file.
    if (ok && check_relation(candidate, *this)) relations_.push_back({index, *from, *to, std::move(relation)});
  }

  // The relation an edge's data describe, the defaults filling in; `kind_known` false for an
  // unknown kind, `ok` false for any value that cannot be read.
  Relation edge_values(const XmlElement& edge, bool& kind_known, bool& ok) {
    Relation relation;
    relation.kind = options_.default_kind;
    relation.confidence = policy_.default_confidence;
    relation.storyline = storyline_;
    for_each_value(edge, "edge", [&](const std::string& name, const XmlDatum& d) {
      if (name == "kind") {
        if (const auto kind = parse_relation_kind(d.value)) relation.kind = *kind;
        else if (policy_.provenance == Provenance::imported && relation.label.empty()) relation.label = d.value;
        else if (policy_.provenance == Provenance::our_model)
          report(d.at, unknown_kind_message(d.value)), kind_known = ok = false;
      } else if (name == "label") {
        relation.label = d.value;
      } else if (auto* const slot = date_field(relation, name)) {
        const auto date = Date::parse(d.value);
        if (!date) report(d.at, "'" + name + "' is \"" + d.value + "\", not a calendar date"), ok = false;
        *slot = date;
      } else if (name == "place") {
        relation.place = d.value;
      } else if (name == "weight") {
        relation.weight = weight(d, ok);
      } else if (name == "confidence") {
        if (const auto c = parse_confidence(d.value)) relation.confidence = *c;
        else
          report(d.at, "'confidence' is \"" + d.value + "\", expected " + joined_names<Confidence>(" or ")), ok = false;
      } else if (name == "sources") {
        relation.sources = citations(d);
      } else if (name == "storyline") {
        relation.storyline = d.value;
      }
    });
    return relation;
  }

  // A weight: strtod also reads "nan" and "inf", which no output format can hold: finite only.
  std::optional<double> weight(const XmlDatum& d, bool& ok) {
    char* end = nullptr;
    const double value = std::strtod(d.value.c_str(), &end);
    if (end != d.value.c_str() && *end == '\0' && std::isfinite(value)) return value;
    report(d.at, "'weight' is \"" + d.value + "\", not a finite number");
    ok = false;
    return std::nullopt;
  }

  // An entity's number, and the node that defined it.
  struct Number {
    std::size_t entity;
    std::size_t node;
  };

  const FactFile& file_;
  const XmlGraph& document_;
  const LoadOptions& options_;
  const XmlGraphPolicy& policy_;
  std::vector<Problem>& problems_;
  std::vector<Problem>& notes_;
  std::vector<Problem>& warnings_;
  std::vector<std::string>& untyped_;
  std::set<std::string> source_ids_;
  std::string storyline_ = storyline_id(file_.path);
  std::vector<Entity> entities_;
  std::unordered_map<std::string_view, Number> numbers_;  // node ids, viewing document_
  std::vector<AcceptedRelation> relations_;
};

}  // namespace

void build_xml_graph(const FactFile& file, const XmlGraph& document, const LoadOptions& options,
                     const XmlGraphPolicy& policy, LoadResult& result) {
  KnowledgeGraph graph;
  Builder(file, document, options, policy, result).build(graph);
  if (result.problems.empty()) result.graph = std::move(graph);
}

}  // namespace cartelgraph::detail
