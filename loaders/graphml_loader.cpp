#include "cartelgraph/loaders/graphml_loader.hpp"

#include <expat.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>

#include "cartelgraph/loaders/fact_records.hpp"
#include "cartelgraph/loaders/relation_checks.hpp"

namespace cartelgraph {

namespace {

// Expat reads the XML and tells where each element starts. Boost's read_graphml maps GraphML
// onto property maps but reports no positions, and positions are what a user needs to fix a file.

struct Position {
  std::size_t line = 0;
  std::size_t column = 0;
};

struct Datum {
  std::string key;
  std::string value;
  Position at;
};

struct Element {
  std::string id;  // node id, or edge id
  std::string source;
  std::string target;
  Position at;
  std::vector<Datum> data;
};

struct KeyInfo {
  std::string domain;  // node, edge, graph, all
  std::string name;    // attr.name
  std::string default_value;
};

struct Document {
  std::map<std::string, KeyInfo> keys;
  std::vector<Element> nodes;
  std::vector<Element> edges;
  std::vector<Datum> graph_data;
  bool undirected = false;
};

class Reader {
 public:
  Reader(const FactFile& file, const LoadLimits& limits, std::vector<Problem>& problems)
      : file_(file), limits_(limits), problems_(problems) {}

  bool parse(Document& document) {
    document_ = &document;
    if (file_.text.size() > limits_.max_file_bytes) {
      problems_.push_back({file_.path, 0, 0, detail::too_big(file_.text.size(), limits_)});
      return false;
    }
    const std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(XML_ParserCreate("UTF-8"),
                                                                                &XML_ParserFree);
    parser_ = parser.get();
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &Reader::start, &Reader::end);
    XML_SetCharacterDataHandler(parser_, &Reader::text);
    XML_SetEntityDeclHandler(parser_, &Reader::entity_declaration);
    // XML_Parse takes an int length: feed files past 2 GiB in pieces.
    constexpr std::size_t piece = std::size_t{1} << 30;
    for (std::size_t at = 0;;) {
      const std::size_t length = std::min(piece, file_.text.size() - at);
      const bool last = at + length == file_.text.size();
      if (XML_Parse(parser_, file_.text.data() + at, static_cast<int>(length), last ? XML_TRUE : XML_FALSE) ==
          XML_STATUS_ERROR) {
        const std::string message = stopped_.empty()
                                        ? std::string("XML syntax error: ") + XML_ErrorString(XML_GetErrorCode(parser_))
                                        : stopped_;
        problems_.push_back({file_.path, stop_at_.line ? stop_at_.line : XML_GetCurrentLineNumber(parser_),
                             stop_at_.line ? stop_at_.column : XML_GetCurrentColumnNumber(parser_) + 1, message});
        return false;
      }
      if (last) return true;
      at += length;
    }
  }

 private:
  static std::string local(const XML_Char* name) {
    std::string s(name);
    const auto colon = s.rfind(':');
    return colon == std::string::npos ? s : s.substr(colon + 1);
  }

  static std::string attribute(const XML_Char** attributes, const char* name) {
    for (std::size_t i = 0; attributes[i]; i += 2)
      if (local(attributes[i]) == name) return attributes[i + 1];
    return {};
  }

  Position here() const {
    return {XML_GetCurrentLineNumber(parser_), XML_GetCurrentColumnNumber(parser_) + 1};
  }

  static void start(void* self, const XML_Char* name, const XML_Char** attributes) {
    auto* reader = static_cast<Reader*>(self);
    if (++reader->depth_ > reader->limits_.max_depth) {
      reader->stop("elements nested deeper than " + std::to_string(reader->limits_.max_depth) +
                   " levels (--max-depth)");
      return;
    }
    const std::string element = local(name);
    if (reader->depth_ == 1 && element != "graphml")  // an XML file of another kind: not an empty graph
      return reader->stop("the root element is <" + element + ">, not <graphml>: not a GraphML file");
    reader->on_start(element, attributes);
  }
  static void end(void* self, const XML_Char* name) {
    auto* reader = static_cast<Reader*>(self);
    --reader->depth_;
    reader->on_end(local(name));
  }
  static void entity_declaration(void* self, const XML_Char* name, int, const XML_Char*, int,
                                 const XML_Char*, const XML_Char*, const XML_Char*, const XML_Char*) {
    static_cast<Reader*>(self)->stop("entity declaration '" + std::string(name) +
                                     "' refused: GraphML needs no entities");
  }

  // Ends the parse with `message`, located where the parser is now.
  void stop(std::string message) {
    if (!stopped_.empty()) return;
    stopped_ = std::move(message);
    stop_at_ = here();
    XML_StopParser(parser_, XML_FALSE);
  }
  static void text(void* self, const XML_Char* s, int length) {
    auto* reader = static_cast<Reader*>(self);
    if (reader->in_data_ || reader->in_default_) reader->text_.append(s, static_cast<std::size_t>(length));
  }

  void on_start(const std::string& name, const XML_Char** attributes) {
    if (name == "key") {
      current_key_ = attribute(attributes, "id");
      document_->keys[current_key_] = {attribute(attributes, "for"), attribute(attributes, "attr.name"), {}};
    } else if (name == "default") {
      in_default_ = true;
      text_.clear();
    } else if (name == "graph") {
      ++graph_depth_;
      if (graph_depth_ == 1) document_->undirected = attribute(attributes, "edgedefault") == "undirected";
    } else if (name == "node" && graph_depth_ == 1) {
      if (document_->nodes.size() == limits_.max_entities)
        return stop("more than " + std::to_string(limits_.max_entities) + " nodes (--max-entities)");
      document_->nodes.push_back({attribute(attributes, "id"), {}, {}, here(), {}});
      current_ = &document_->nodes.back();
    } else if (name == "edge" && graph_depth_ == 1) {
      if (document_->edges.size() == limits_.max_relations)
        return stop("more than " + std::to_string(limits_.max_relations) + " edges (--max-relations)");
      document_->edges.push_back(
          {attribute(attributes, "id"), attribute(attributes, "source"), attribute(attributes, "target"), here(), {}});
      current_ = &document_->edges.back();
    } else if (name == "data") {
      in_data_ = true;
      text_.clear();
      datum_ = {attribute(attributes, "key"), {}, here()};
    }
  }

  void on_end(const std::string& name) {
    if (name == "default") {
      in_default_ = false;
      document_->keys[current_key_].default_value = text_;
    } else if (name == "graph") {
      --graph_depth_;
    } else if (name == "node" || name == "edge") {
      current_ = nullptr;
    } else if (name == "data") {
      in_data_ = false;
      datum_.value = text_;
      if (current_) current_->data.push_back(datum_);
      else if (graph_depth_ == 1) document_->graph_data.push_back(datum_);
    }
  }

  const FactFile& file_;
  const LoadLimits& limits_;
  std::vector<Problem>& problems_;
  XML_Parser parser_ = nullptr;
  std::size_t depth_ = 0;
  std::string stopped_;  // why the reader stopped the parse, when it did
  Position stop_at_{};
  Document* document_ = nullptr;
  Element* current_ = nullptr;  // stable: nodes and edges are only appended to while outside them
  Datum datum_;
  std::string current_key_;
  std::string text_;
  bool in_data_ = false;
  bool in_default_ = false;
  int graph_depth_ = 0;
};

std::optional<std::vector<Citation>> parse_citations(const std::string& json) {
  rapidjson::Document d;
  d.Parse(json.c_str());
  if (d.HasParseError() || !d.IsArray()) return std::nullopt;
  std::vector<Citation> citations;
  for (const auto& c : d.GetArray()) {
    if (!c.IsObject() || !c.HasMember("source") || !c["source"].IsString()) return std::nullopt;
    const auto text = [&](const char* name) {
      return c.HasMember(name) && c[name].IsString() ? std::string(c[name].GetString()) : std::string();
    };
    Citation citation{text("source"), text("section"), text("note")};
    if (c.HasMember("support")) {  // absent: the document's text
      const auto support = parse<CitationSupport>(text("support"));
      if (!support) return std::nullopt;
      citation.support = *support;
    }
    citations.push_back(std::move(citation));
  }
  return citations;
}

// Turns a read document into the model: nodes into entities, edges into candidate relations
// that go through the shared relation checks.
class Builder final : public detail::RelationReader {
 public:
  Builder(const FactFile& file, const Document& document, const GraphmlOptions& options, LoadResult& result)
      : file_(file), document_(document), options_(options), problems_(result.problems), notes_(result.notes),
        untyped_(result.untyped) {}

  void build(KnowledgeGraph& graph) {
    read_sources(graph);
    for (const Element& node : document_.nodes) read_node(node);
    for (std::size_t i = 0; i < document_.edges.size(); ++i) read_edge(i);
    detail::check_relation_set(relations_, entities_.size(), provenance(), *this);
    if (!problems_.empty()) return;
    graph.add_storyline({storyline_, storyline_});
    std::vector<Vertex> vertices;
    vertices.reserve(entities_.size());
    for (auto& entity : entities_) vertices.push_back(graph.add_entity(std::move(entity)));
    for (auto& r : relations_) graph.add_relation(vertices[r.from], vertices[r.to], std::move(r.relation));
  }

  void problem(std::size_t origin, detail::RelationPart, std::string message) override {
    report(document_.edges[origin].at, std::move(message));
  }
  void note(std::size_t origin, std::string message) override {
    const Position at = document_.edges[origin].at;
    notes_.push_back({file_.path, at.line, at.column, std::move(message)});
  }
  std::string where(std::size_t origin) override { return where(document_.edges[origin].at); }
  std::string_view entity_id(std::size_t entity) override { return entities_[entity].id; }

 private:
  void report(Position at, std::string message) {
    problems_.push_back({file_.path, at.line, at.column, std::move(message)});
  }
  std::string where(Position at) const {
    return file_.path + ':' + std::to_string(at.line) + ':' + std::to_string(at.column);
  }

  // Calls visit(attribute name, datum) for each datum of `element`, then for each default value
  // of a key of this domain that the element does not set.
  template <class Visit>
  void for_each_value(const Element& element, const char* domain, Visit visit) {
    std::set<std::string> seen;
    for (const Datum& d : element.data) {
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
        visit(key.name, Datum{id, key.default_value, element.at});
  }

  std::vector<Citation> citations(const Datum& d) {
    auto parsed = parse_citations(d.value);
    if (!parsed) {
      report(d.at, "'sources' is not a JSON array of {source, section, support, note} (support: " +
                       joined_names<CitationSupport>(" or ") + ", or left out for text)");
      return {};
    }
    for (const auto& c : *parsed)
      if (!source_ids_.contains(c.source)) report(d.at, "unknown source id '" + c.source + "'");
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
    for (const Datum& d : document_.graph_data) {
      const auto key = document_.keys.find(d.key);
      if (key == document_.keys.end() || key->second.name != "sources") continue;
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
        Source source{text("id"), text("title"), text("author"), text("publisher"),
                      text("published"), text("url"), text("document")};
        if (source.id.empty() || source_ids_.contains(source.id)) {
          report(d.at, "source record without an id, or with a duplicate id '" + source.id + "'");
          continue;
        }
        source_ids_.insert(source.id);
        graph.add_source(std::move(source));
      }
    }
  }

  // A node becomes an entity, unless it has no id or one already taken.
  void read_node(const Element& node) {
    if (node.id.empty()) return report(node.at, "node without an id");
    if (const auto it = numbers_.find(node.id); it != numbers_.end())
      return report(node.at, "duplicate node id '" + node.id + "' (first defined at " +
                                 where(document_.nodes[it->second.node].at) + ")");
    numbers_.emplace(node.id, Number{entities_.size(), static_cast<std::size_t>(&node - document_.nodes.data())});
    Entity entity;
    entity.id = node.id;
    entity.type = options_.default_type;
    std::string label;
    bool typed = false;
    for_each_value(node, "node", [&](const std::string& name, const Datum& d) {
      if (name == "type") {
        typed = true;
        if (const auto type = parse_entity_type(d.value)) entity.type = *type;
        else report(d.at, "unknown entity type '" + d.value + "'");
      } else if (name == "name") {
        entity.name = d.value;
      } else if (name == "known_as") {
        entity.known_as = d.value;
      } else if (name == "label") {
        label = d.value;
      } else if (name == "aliases") {
        entity.aliases = parse_aliases(d.value);
      } else if (name == "description") {
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
  std::optional<std::size_t> node_number(const std::string& id, Position at, std::string_view role, bool& ok) {
    const auto it = numbers_.find(id);
    if (it != numbers_.end()) return it->second.entity;
    report(at, "unknown node id '" + id + "'" + std::string(role));
    ok = false;
    return std::nullopt;
  }

  detail::RelationEnd end_of(const std::string& id, const std::optional<std::size_t>& number) const {
    return {id, number ? std::optional(entities_[*number].type) : std::nullopt};
  }

  // An edge becomes a candidate relation; if it passes the relation checks, it is kept.
  void read_edge(std::size_t index) {
    const Element& edge = document_.edges[index];
    bool ok = true;
    const auto from = node_number(edge.source, edge.at, "", ok);
    const auto to = node_number(edge.target, edge.at, "", ok);
    bool kind_known = true;
    Relation relation = edge_values(edge, kind_known, ok);
    detail::CandidateRelation candidate{index,
                                        kind_known ? std::optional(relation.kind) : std::nullopt,
                                        end_of(edge.source, from),
                                        end_of(edge.target, to),
                                        relation.since,
                                        relation.until,
                                        relation.known_by,
                                        std::nullopt};
    if (!relation.place.empty())
      if (const auto place = node_number(relation.place, edge.at, " in 'place'", ok))
        candidate.place = end_of(relation.place, place);
    // An edge with a value that cannot be read goes no further: every finding about an edge
    // points at the same <edge>, so one problem at a time is clearer there than in a fact file.
    if (ok && detail::check_relation(candidate, *this))
      relations_.push_back({index, *from, *to, std::move(relation)});
  }

  // The relation an edge's data describe, the defaults filling in; `kind_known` false for an
  // unknown kind, `ok` false for any value that cannot be read.
  Relation edge_values(const Element& edge, bool& kind_known, bool& ok) {
    Relation relation;
    relation.kind = options_.default_kind;
    relation.confidence = Confidence::ungraded;  // imported without a grade unless it states one
    relation.storyline = storyline_;
    for_each_value(edge, "edge", [&](const std::string& name, const Datum& d) {
      if (name == "kind") {
        if (const auto kind = parse_relation_kind(d.value)) relation.kind = *kind;
        else report(d.at, detail::unknown_kind_message(d.value)), kind_known = ok = false;
      } else if (name == "since" || name == "until" || name == "known_by") {
        const auto date = Date::parse(d.value);
        if (!date) report(d.at, "'" + name + "' is \"" + d.value + "\", not a calendar date"), ok = false;
        (name == "since" ? relation.since : name == "until" ? relation.until : relation.known_by) = date;
      } else if (name == "place") {
        relation.place = d.value;
      } else if (name == "weight") {
        relation.weight = weight(d, ok);
      } else if (name == "confidence") {
        if (const auto c = parse_confidence(d.value)) relation.confidence = *c;
        else report(d.at, "'confidence' is \"" + d.value + "\", expected " + joined_names<Confidence>(" or ")), ok = false;
      } else if (name == "sources") {
        relation.sources = citations(d);
      } else if (name == "storyline") {
        relation.storyline = d.value;
      }
    });
    return relation;
  }

  // A weight: strtod also reads "nan" and "inf", which no output format can hold: finite only.
  std::optional<double> weight(const Datum& d, bool& ok) {
    char* end = nullptr;
    const double value = std::strtod(d.value.c_str(), &end);
    if (end != d.value.c_str() && *end == '\0' && std::isfinite(value)) return value;
    report(d.at, "'weight' is \"" + d.value + "\", not a finite number");
    ok = false;
    return std::nullopt;
  }

  // A file that declares cartelgraph's edge attribute `kind` is our model; one without is
  // imported (see relation_checks.hpp for what that changes).
  detail::Provenance provenance() const {
    const bool ours = std::ranges::any_of(document_.keys, [](const auto& key) {
      return key.second.name == "kind" && (key.second.domain == "edge" || key.second.domain == "all");
    });
    return ours ? detail::Provenance::our_model : detail::Provenance::imported;
  }

  // An entity's number, and the node that defined it.
  struct Number {
    std::size_t entity;
    std::size_t node;
  };

  const FactFile& file_;
  const Document& document_;
  const GraphmlOptions& options_;
  std::vector<Problem>& problems_;
  std::vector<Problem>& notes_;
  std::vector<std::string>& untyped_;
  std::set<std::string> source_ids_;
  std::string storyline_ = storyline_id(file_.path);
  std::vector<Entity> entities_;
  std::unordered_map<std::string_view, Number> numbers_;  // node ids, viewing document_
  std::vector<detail::AcceptedRelation> relations_;
};

}  // namespace

LoadResult load_graphml(const FactFile& file, const GraphmlOptions& options) {
  LoadResult result;
  Document document;
  Reader reader(file, options.limits, result.problems);
  if (!reader.parse(document)) return result;
  KnowledgeGraph graph;
  Builder(file, document, options, result).build(graph);
  if (result.problems.empty()) result.graph = std::move(graph);
  return result;
}

}  // namespace cartelgraph
