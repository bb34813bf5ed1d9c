// The built-in dataset: canonical form, storylines pinned as dated relations, every group and
// person findable under each of its names, evidence graded by its support, citations that point
// at a heading of their document, and a README that documents every field.
#include <doctest/doctest.h>

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cartelgraph/loaders/builtin_data.hpp"
#include "cartelgraph/loaders/fact_fields.hpp"
#include "cartelgraph/queries/resolve.hpp"

using namespace cartelgraph;

namespace {

// True if the members of `object` appear in the canonical order of `record` (absent ones
// skipped): the order of seeds/schema.json's properties.
bool in_order(const rapidjson::Value& object, Record record) {
  const auto order = member_order(record);
  std::size_t next = 0;
  for (const auto& member : object.GetObject()) {
    const std::string_view name(member.name.GetString(), member.name.GetStringLength());
    while (next < order.size() && order[next] != name) ++next;
    if (next == order.size()) return false;
    ++next;
  }
  return true;
}

std::string pretty(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  writer.SetIndent(' ', 2);
  value.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

struct Tie {
  std::string kind;
  std::string from;
  std::string to;
};

// The relations matching `tie` (either direction for a symmetric kind).
std::vector<Relation> find_ties(const KnowledgeGraph& g, const Tie& tie) {
  const auto kind = parse_relation_kind(tie.kind);
  const auto from = g.find(tie.from);
  const auto to = g.find(tie.to);
  REQUIRE(kind);
  REQUIRE_MESSAGE(from, tie.from);
  REQUIRE_MESSAGE(to, tie.to);
  std::vector<Relation> found;
  for (const auto e : boost::make_iterator_range(boost::edges(g.graph()))) {
    const auto s = boost::source(e, g.graph());
    const auto t = boost::target(e, g.graph());
    const bool forward = s == *from && t == *to;
    const bool backward = kind_info(*kind).symmetric && s == *to && t == *from;
    if (g.relation(e).kind == *kind && (forward || backward)) found.push_back(g.relation(e));
  }
  return found;
}

std::string date_text(const std::optional<Date>& date) { return date ? date->to_string() : "-"; }

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// Where the source documents are: $CARTELGRAPH_DOCUMENTS, else ../shared/seeds beside the
// source tree (as in CI).
std::filesystem::path documents_dir() {
  if (const char* dir = std::getenv("CARTELGRAPH_DOCUMENTS"); dir && *dir) return dir;
  return CARTELGRAPH_DOCUMENTS_DIR;
}

// The headings of a document's text, each with how many sections it heads: lines of their own
// (a blank line or the text's edge before and after), not indented, at most 120 bytes, not
// ending as a sentence or a lead-in does (. ? ! : ; ,). Article titles, section headings and
// each article's "Sources" are such lines; a paragraph is not. A heading repeated with no other
// heading between (a page title above the same title) heads one section.
std::map<std::string, std::size_t> headings(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    start = end + 1;
  }
  const auto blank = [&](std::size_t i) {
    return i >= lines.size() || lines[i].find_first_not_of(" \t") == std::string::npos;
  };
  std::map<std::string, std::size_t> found;
  std::string previous;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string line = lines[i];
    if (blank(i) || line.front() == ' ' || line.front() == '\t' || line.size() > 120) continue;
    if ((i > 0 && !blank(i - 1)) || !blank(i + 1)) continue;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    if (std::string_view(".?!:;,").find(line.back()) != std::string_view::npos) continue;
    if (line != previous) ++found[line];
    previous = line;
  }
  return found;
}

// Every citation of the graph, with what it is attached to ("entity x", "relation a kind b").
std::vector<std::pair<std::string, Citation>> all_citations(const KnowledgeGraph& g) {
  std::vector<std::pair<std::string, Citation>> out;
  for (const auto v : boost::make_iterator_range(boost::vertices(g.graph())))
    for (const Citation& c : g.entity(v).sources) out.emplace_back("entity " + g.entity(v).id, c);
  for (const auto e : boost::make_iterator_range(boost::edges(g.graph()))) {
    const std::string what = "relation " + g.entity(boost::source(e, g.graph())).id + " " +
                             std::string(to_string(g.relation(e).kind)) + " " +
                             g.entity(boost::target(e, g.graph())).id;
    for (const Citation& c : g.relation(e).sources) out.emplace_back(what, c);
  }
  return out;
}

}  // namespace

TEST_CASE("every seed file is in canonical form") {
  for (const auto& file : builtin_fact_files()) {
    CAPTURE(file.path);
    rapidjson::Document document;
    document.Parse(file.text.c_str());
    REQUIRE_FALSE(document.HasParseError());
    CHECK(in_order(document, Record::file));
    const auto check_citations = [](const rapidjson::Value& record) {
      for (const auto& citation : record["sources"].GetArray()) CHECK(in_order(citation, Record::citation));
    };
    if (document.HasMember("sources"))
      for (const auto& source : document["sources"].GetArray()) CHECK(in_order(source, Record::source));
    if (document.HasMember("entities"))
      for (const auto& entity : document["entities"].GetArray()) {
        CHECK(in_order(entity, Record::entity));
        check_citations(entity);
      }
    if (document.HasMember("relations"))
      for (const auto& relation : document["relations"].GetArray()) {
        CHECK(in_order(relation, Record::relation));
        check_citations(relation);
      }
    // Two-space indentation, one member or element a line, a final newline: what
    // scripts/format-seeds writes. A difference means the file needs formatting.
    CHECK_MESSAGE(pretty(document) == file.text, "run scripts/format-seeds");
  }
}

TEST_CASE("the storylines are pinned as dated relations") {
  const KnowledgeGraph g = load_builtin_graph();
  struct Expected {
    Tie tie;
    const char* since;
    const char* until;
    Confidence confidence;
  };
  const Expected expected[] = {
      // The Sinaloa Cartel's internal war and who sides with whom.
      {{"rival_of", "los-chapitos", "el-mayo-faction"}, "-", "-", Confidence::reported},
      {{"aligned_with", "los-rusos", "el-mayo-faction"}, "-", "-", Confidence::reported},
      {{"aligned_with", "los-salazar", "los-chapitos"}, "-", "-", Confidence::alleged},
      // Los Salazar – Los Garibay: officials found the alliance in early March 2021 (known_by
      // 2021-03); when it began is not said, so it has no since.
      {{"allied_with", "los-salazar", "los-garibay"}, "-", "-", Confidence::reported},
      // CJNG – La Línea against the Sinaloa Cartel for Ciudad Juárez.
      {{"allied_with", "cjng", "la-linea"}, "-", "-", Confidence::alleged},  // known by 2021-02-14, a headline's date
      {{"armed_wing_of", "la-linea", "juarez-cartel"}, "-", "-", Confidence::reported},
      {{"offshoot_of", "los-metros", "gulf-cartel"}, "-", "-", Confidence::reported},
      // El Mencho's family: arrests, release, plea, sanction.
      {{"arrested_by", "rosalinda-gonzalez-valencia", "government-of-mexico"}, "2018-05", "-", Confidence::reported},
      {{"released_by", "rosalinda-gonzalez-valencia", "mexican-courts"}, "2018-09", "-", Confidence::reported},
      {{"arrested_by", "ruben-oseguera-gonzalez", "government-of-mexico"}, "2015-06", "-", Confidence::reported},
      {{"extradited_to", "ruben-oseguera-gonzalez", "united-states"}, "2020", "-", Confidence::reported},
      {{"pleaded_guilty_in", "jessica-johanna-oseguera-gonzalez", "us-federal-courts"}, "2021-03-12", "-", Confidence::confirmed},
      {{"sanctioned_by", "juan-manuel-abouzaid", "ofac"}, "2021-03", "-", Confidence::confirmed},
      {{"arrested_by", "juan-manuel-abouzaid", "government-of-mexico"}, "2021-03-09", "-", Confidence::reported},
      {{"arrested_by", "jose-antonio-yepez-ortiz", "government-of-mexico"}, "2020-08", "-", Confidence::reported},
  };
  for (const auto& e : expected) {
    CAPTURE(e.tie.kind);
    CAPTURE(e.tie.from);
    CAPTURE(e.tie.to);
    const auto found = find_ties(g, e.tie);
    REQUIRE(found.size() == 1);
    CHECK(date_text(found.front().since) == e.since);
    CHECK(date_text(found.front().until) == e.until);
    CHECK(found.front().confidence == e.confidence);
  }
  const auto arrest = find_ties(g, {"arrested_by", "rosalinda-gonzalez-valencia", "government-of-mexico"});
  CHECK(arrest.front().place == "zapopan");
}

TEST_CASE("every group and person is found under its name, the name it is known by and each alias") {
  const KnowledgeGraph g = load_builtin_graph();
  std::size_t checked = 0;
  for (const auto v : boost::make_iterator_range(boost::vertices(g.graph()))) {
    const Entity& entity = g.entity(v);
    if (entity.type != EntityType::person && entity.type != EntityType::organization &&
        entity.type != EntityType::faction)
      continue;
    std::vector<std::string> names = entity.aliases;
    names.push_back(entity.name);
    if (!entity.known_as.empty()) names.push_back(entity.known_as);
    for (const auto& name : names) {
      CAPTURE(name);
      const Resolution r = resolve_entity(g, name);
      CHECK(r.status == Resolution::Status::found);
      CHECK((!r.entities.empty() && r.entities.front() == v));
      ++checked;
    }
  }
  CHECK(checked > 50);
}

TEST_CASE("no relation supported only by source-list titles is graded above alleged") {
  const KnowledgeGraph g = load_builtin_graph();
  std::vector<std::string> overgraded;
  for (const auto e : boost::make_iterator_range(boost::edges(g.graph()))) {
    const Relation& r = g.relation(e);
    const bool titles_only = std::ranges::all_of(r.sources,
                                                 [](const Citation& c) { return c.support == CitationSupport::title; });
    if (titles_only && r.confidence > Confidence::alleged)
      overgraded.push_back(g.entity(boost::source(e, g.graph())).id + " " + std::string(to_string(r.kind)) + " " +
                           g.entity(boost::target(e, g.graph())).id + " [" + std::string(to_string(r.confidence)) +
                           "]");
  }
  std::string list;
  for (const auto& line : overgraded) list += "\n  " + line;
  CHECK_MESSAGE(overgraded.empty(), "graded above alleged on titles alone:" << list);
}

TEST_CASE("headings are the lines of their own that do not end a sentence") {
  const std::string text =
      "Title of the Report\n\nA paragraph that ends as a sentence does.\n\nSection One\n\n"
      "Two lines that are\none paragraph\n\n  Indented\n\nA lead-in:\n\nSources\n\nSection Two\n\nSection Two\n\n"
      "Sources\n";
  CHECK(headings(text) == std::map<std::string, std::size_t>{
                              {"Title of the Report", 1}, {"Section One", 1}, {"Section Two", 1}, {"Sources", 2}});
}

TEST_CASE("every citation's section is a heading its document has once, or the sources of one") {
  const std::filesystem::path dir = documents_dir();
  if (!std::filesystem::is_directory(dir)) {
    MESSAGE("skipped: no source documents in " << dir.string() << " (set CARTELGRAPH_DOCUMENTS)");
    return;
  }
  const KnowledgeGraph g = load_builtin_graph();
  std::map<std::string, std::map<std::string, std::size_t>> by_document;  // document → its headings
  std::vector<std::string> astray;
  std::size_t checked = 0;
  for (const auto& [what, citation] : all_citations(g)) {
    const Source* source = g.find_source(citation.source);
    REQUIRE_MESSAGE(source, citation.source);
    if (source->document.empty()) continue;  // no text to check against (an interview)
    auto [it, added] = by_document.try_emplace(source->document);
    if (added) {
      const auto path = dir / source->document;
      REQUIRE_MESSAGE(std::filesystem::is_regular_file(path), path.string());
      it->second = headings(read_text(path));
    }
    // A heading that recurs (each article's "Sources") points nowhere in particular.
    const auto once = [&heads = it->second](const std::string& heading) {
      const auto found = heads.find(heading);
      return found != heads.end() && found->second == 1;
    };
    const std::string& section = citation.section;
    const std::string open = "Sources of “", close = "”";
    const bool sources_of = section.starts_with(open) && section.ends_with(close) &&
                            section.size() > open.size() + close.size() &&
                            once(section.substr(open.size(), section.size() - open.size() - close.size()));
    if (!once(section) && !sources_of) astray.push_back(what + ": " + citation.source + " §" + section);
    ++checked;
  }
  CHECK(checked > 100);
  std::string list;
  for (const auto& line : astray) list += "\n  " + line;
  CHECK_MESSAGE(astray.empty(), astray.size() << " citations name no heading their document has once:" << list);
}

TEST_CASE("the seed README documents every member of every fact-file record") {
  rapidjson::Document schema;
  const std::string_view text = builtin_schema();
  schema.Parse(text.data(), text.size());
  REQUIRE_FALSE(schema.HasParseError());
  std::set<std::string> members;
  const auto add = [&](const rapidjson::Value& object) {
    if (object.IsObject() && object.HasMember("properties"))
      for (const auto& member : object["properties"].GetObject()) members.emplace(member.name.GetString());
  };
  add(schema);
  for (const auto& definition : schema["definitions"].GetObject()) add(definition.value);
  CHECK(members.size() >= 25);
  const std::string readme = read_text(std::filesystem::path(CARTELGRAPH_SOURCE_DIR) / "seeds" / "README.md");
  REQUIRE_FALSE(readme.empty());
  for (const auto& member : members) {
    CAPTURE(member);
    CHECK(readme.find("`" + member + "`") != std::string::npos);
  }
}
