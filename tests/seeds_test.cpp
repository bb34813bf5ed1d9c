// The built-in dataset: canonical form, storylines pinned as dated relations, and every group
// and person findable under each of its names.
#include <doctest/doctest.h>

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <string>

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

TEST_CASE("every group and person is found under its name and each alias") {
  const KnowledgeGraph g = load_builtin_graph();
  std::size_t checked = 0;
  for (const auto v : boost::make_iterator_range(boost::vertices(g.graph()))) {
    const Entity& entity = g.entity(v);
    if (entity.type != EntityType::person && entity.type != EntityType::organization &&
        entity.type != EntityType::faction)
      continue;
    std::vector<std::string> names = entity.aliases;
    names.push_back(entity.name);
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
