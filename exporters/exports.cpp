#include "cartelgraph/exporters/exports.hpp"

#include "cartelgraph/render/escape.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <tuple>

namespace cartelgraph {

namespace {

// ---- shared ------------------------------------------------------------------------------

std::vector<Vertex> sorted_entities(const GraphView& view) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  std::vector<Vertex> entities;
  const FilteredGraph g = view.graph();  // filtered iterators point into it: keep it alive
  for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) entities.push_back(v);
  std::ranges::sort(entities, {}, [&](Vertex v) -> const std::string& { return kg.entity(v).id; });
  return entities;
}

std::vector<Edge> sorted_relations(const GraphView& view) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  const Graph& g = kg.graph();
  std::vector<Edge> relations;
  const FilteredGraph filtered = view.graph();  // filtered iterators point into it: keep it alive
  for (const Edge e : boost::make_iterator_range(boost::edges(filtered))) relations.push_back(e);
  const auto key = [&](Edge e) {
    const Relation& r = kg.relation(e);
    return std::make_tuple(kg.entity(boost::source(e, g)).id, kg.entity(boost::target(e, g)).id,
                           std::string(to_string(r.kind)), r.since, r.until, r.place);
  };
  std::ranges::stable_sort(relations, [&](Edge a, Edge b) { return key(a) < key(b); });
  return relations;
}

std::vector<Source> sorted_sources(const KnowledgeGraph& kg) {
  std::vector<Source> sources = kg.sources();
  std::ranges::sort(sources, {}, &Source::id);
  return sources;
}

template <class Writer>
void write_string(Writer& w, std::string_view s) {
  w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

template <class Writer>
void write_citations(Writer& w, const std::vector<Citation>& citations) {
  w.StartArray();
  for (const auto& c : citations) {
    w.StartObject();
    w.Key("source");
    write_string(w, c.source);
    w.Key("section");
    write_string(w, c.section);
    w.Key("note");
    write_string(w, c.note);
    w.EndObject();
  }
  w.EndArray();
}

template <class Writer>
void write_source(Writer& w, const Source& s) {
  w.StartObject();
  const auto member = [&](const char* name, const std::string& value, bool optional) {
    if (optional && value.empty()) return;
    w.Key(name);
    write_string(w, value);
  };
  member("id", s.id, false);
  member("title", s.title, false);
  member("author", s.author, true);
  member("publisher", s.publisher, true);
  member("published", s.published, false);
  member("url", s.url, true);
  member("document", s.document, false);
  w.EndObject();
}

// Compact JSON of one value, for GraphML attributes that hold lists.
template <class Fill>
std::string compact_json(Fill fill) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  fill(w);
  return {buffer.GetString(), buffer.GetSize()};
}

std::string date_text(const std::optional<Date>& date) { return date ? date->to_string() : std::string(); }

std::string number_text(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

// ---- CSV and Cypher escaping (XML's is xml_escape): none of the project's libraries writes
// these formats, so they are done here. ------------------------------------------------------

// A text cell: quoted, quotes doubled (RFC 4180). A cell that starts with = + - @, a tab or a
// carriage return would be read as a formula by a spreadsheet (OWASP, "CSV Injection"): it gets
// a leading ' that makes it text. Numbers are written with number_text, never through here.
std::string csv_field(std::string_view text) {
  std::string out = "\"";
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) out += '\'';
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string cypher_string(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\'': out += "\\'"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out + "'";
}

std::string capitalized(std::string_view name) {
  std::string out(name);
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::string upper(std::string_view name) {
  std::string out(name);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string aliases_json(const Entity& e) {
  return compact_json([&](auto& w) {
    w.StartArray();
    for (const auto& alias : e.aliases) write_string(w, alias);
    w.EndArray();
  });
}

std::string citations_json(const std::vector<Citation>& citations) {
  return compact_json([&](auto& w) { write_citations(w, citations); });
}

}  // namespace

std::string export_json(const GraphView& view) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  const Graph& g = kg.graph();
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
  w.SetIndent(' ', 2);
  w.StartObject();
  w.Key("sources");
  w.StartArray();
  for (const auto& source : sorted_sources(kg)) write_source(w, source);
  w.EndArray();
  w.Key("entities");
  w.StartArray();
  for (const Vertex v : sorted_entities(view)) {
    const Entity& e = kg.entity(v);
    w.StartObject();
    w.Key("id");
    write_string(w, e.id);
    w.Key("type");
    write_string(w, to_string(e.type));
    w.Key("name");
    write_string(w, e.name);
    if (!e.aliases.empty()) {
      w.Key("aliases");
      w.StartArray();
      for (const auto& alias : e.aliases) write_string(w, alias);
      w.EndArray();
    }
    w.Key("description");
    write_string(w, e.description);
    w.Key("sources");
    write_citations(w, e.sources);
    w.EndObject();
  }
  w.EndArray();
  w.Key("relations");
  w.StartArray();
  for (const Edge edge : sorted_relations(view)) {
    const Relation& r = kg.relation(edge);
    w.StartObject();
    w.Key("kind");
    write_string(w, to_string(r.kind));
    w.Key("from");
    write_string(w, kg.entity(boost::source(edge, g)).id);
    w.Key("to");
    write_string(w, kg.entity(boost::target(edge, g)).id);
    if (r.since) {
      w.Key("since");
      write_string(w, r.since->to_string());
    }
    if (r.until) {
      w.Key("until");
      write_string(w, r.until->to_string());
    }
    if (!r.place.empty()) {
      w.Key("place");
      write_string(w, r.place);
    }
    if (r.weight) {
      w.Key("weight");
      w.Double(*r.weight);
    }
    w.Key("confidence");
    write_string(w, to_string(r.confidence));
    w.Key("sources");
    write_citations(w, r.sources);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

std::string export_graphml(const GraphView& view) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  const Graph& g = kg.graph();
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  struct Key {
    const char* id;
    const char* domain;
    const char* name;
    const char* type;
  };
  static constexpr Key keys[] = {
      {"g_sources", "graph", "sources", "string"},   {"n_type", "node", "type", "string"},
      {"n_name", "node", "name", "string"},          {"n_aliases", "node", "aliases", "string"},
      {"n_description", "node", "description", "string"}, {"n_sources", "node", "sources", "string"},
      {"n_storyline", "node", "storyline", "string"}, {"e_kind", "edge", "kind", "string"},
      {"e_since", "edge", "since", "string"},        {"e_until", "edge", "until", "string"},
      {"e_place", "edge", "place", "string"},        {"e_weight", "edge", "weight", "double"},
      {"e_confidence", "edge", "confidence", "string"}, {"e_sources", "edge", "sources", "string"},
      {"e_storyline", "edge", "storyline", "string"},
  };
  for (const Key& key : keys)
    out += std::string("  <key id=\"") + key.id + "\" for=\"" + key.domain + "\" attr.name=\"" + key.name +
           "\" attr.type=\"" + key.type + "\"/>\n";
  out += "  <graph id=\"cartelgraph\" edgedefault=\"directed\">\n";
  const auto data = [&](const char* key, const std::string& value, const char* indent) {
    if (value.empty()) return;
    out += std::string(indent) + "<data key=\"" + key + "\">" + xml_escape(value) + "</data>\n";
  };
  data("g_sources",
       compact_json([&](auto& w) {
         w.StartArray();
         for (const auto& source : sorted_sources(kg)) write_source(w, source);
         w.EndArray();
       }),
       "    ");
  for (const Vertex v : sorted_entities(view)) {
    const Entity& e = kg.entity(v);
    out += "    <node id=\"" + xml_escape(e.id) + "\">\n";
    data("n_type", std::string(to_string(e.type)), "      ");
    data("n_name", e.name, "      ");
    data("n_aliases", aliases_json(e), "      ");
    data("n_description", e.description, "      ");
    data("n_sources", citations_json(e.sources), "      ");
    data("n_storyline", e.storyline, "      ");
    out += "    </node>\n";
  }
  std::size_t index = 0;
  for (const Edge edge : sorted_relations(view)) {
    const Relation& r = kg.relation(edge);
    out += "    <edge id=\"e" + std::to_string(index++) + "\" source=\"" + xml_escape(kg.entity(boost::source(edge, g)).id) +
           "\" target=\"" + xml_escape(kg.entity(boost::target(edge, g)).id) + "\">\n";
    data("e_kind", std::string(to_string(r.kind)), "      ");
    data("e_since", date_text(r.since), "      ");
    data("e_until", date_text(r.until), "      ");
    data("e_place", r.place, "      ");
    data("e_weight", r.weight ? number_text(*r.weight) : std::string(), "      ");
    data("e_confidence", std::string(to_string(r.confidence)), "      ");
    data("e_sources", citations_json(r.sources), "      ");
    data("e_storyline", r.storyline, "      ");
    out += "    </edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

CsvExport export_csv(const GraphView& view) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  const Graph& g = kg.graph();
  CsvExport csv;
  csv.nodes = "id:ID,name,type,aliases:string[],description,storyline,:LABEL\n";
  for (const Vertex v : sorted_entities(view)) {
    const Entity& e = kg.entity(v);
    std::string aliases;
    for (const auto& alias : e.aliases) aliases += (aliases.empty() ? "" : ";") + alias;
    csv.nodes += csv_field(e.id) + "," + csv_field(e.name) + "," + csv_field(to_string(e.type)) + "," +
                 csv_field(aliases) + "," + csv_field(e.description) + "," + csv_field(e.storyline) + "," +
                 csv_field("Entity;" + capitalized(to_string(e.type))) + "\n";
  }
  csv.relationships = ":START_ID,:END_ID,:TYPE,since,until,place,weight:double,confidence,sources\n";
  for (const Edge edge : sorted_relations(view)) {
    const Relation& r = kg.relation(edge);
    csv.relationships += csv_field(kg.entity(boost::source(edge, g)).id) + "," +
                         csv_field(kg.entity(boost::target(edge, g)).id) + "," + csv_field(upper(to_string(r.kind))) +
                         "," + csv_field(date_text(r.since)) + "," + csv_field(date_text(r.until)) + "," +
                         csv_field(r.place) + "," + (r.weight ? number_text(*r.weight) : std::string()) + "," +
                         csv_field(to_string(r.confidence)) + "," + csv_field(citations_json(r.sources)) + "\n";
  }
  return csv;
}

std::string export_cypher(const GraphView& view) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  const Graph& g = kg.graph();
  std::string out = "// cartelgraph export: run with cypher-shell -f FILE\n"
                    "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n";
  for (const Vertex v : sorted_entities(view)) {
    const Entity& e = kg.entity(v);
    std::string aliases = "[";
    for (std::size_t i = 0; i < e.aliases.size(); ++i) aliases += (i ? ", " : "") + cypher_string(e.aliases[i]);
    aliases += "]";
    out += "CREATE (:Entity:" + capitalized(to_string(e.type)) + " {id: " + cypher_string(e.id) +
           ", name: " + cypher_string(e.name) + ", type: " + cypher_string(to_string(e.type)) +
           ", aliases: " + aliases + ", description: " + cypher_string(e.description) +
           ", sources: " + cypher_string(citations_json(e.sources)) + "});\n";
  }
  for (const Edge edge : sorted_relations(view)) {
    const Relation& r = kg.relation(edge);
    out += "MATCH (a:Entity {id: " + cypher_string(kg.entity(boost::source(edge, g)).id) + "}), (b:Entity {id: " +
           cypher_string(kg.entity(boost::target(edge, g)).id) + "}) CREATE (a)-[:" + upper(to_string(r.kind)) +
           " {confidence: " + cypher_string(to_string(r.confidence));
    if (r.since) out += ", since: " + cypher_string(r.since->to_string());
    if (r.until) out += ", until: " + cypher_string(r.until->to_string());
    if (!r.place.empty()) out += ", place: " + cypher_string(r.place);
    if (r.weight) out += ", weight: " + number_text(*r.weight);
    out += ", sources: " + cypher_string(citations_json(r.sources)) + "}]->(b);\n";
  }
  return out;
}

}  // namespace cartelgraph
