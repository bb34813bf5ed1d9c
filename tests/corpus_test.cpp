// The malformed-input corpus: every bad input under tests/fixtures/invalid, run through the
// command line as a user would. Each must exit 3 with its first problem located as
// file:line:column, print nothing on stdout and leave no graph behind (the loaders are all or
// nothing, so a command that answers would show a partial graph).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cartelgraph/graph/relation_kinds.hpp"
#include "cli_run.hpp"

using cartelgraph::testing::Run;
using cartelgraph::testing::run_cli;

namespace {

const std::string corpus = std::string(CARTELGRAPH_SOURCE_DIR) + "/tests/fixtures/invalid/";

struct Case {
  const char* input;     // a fact directory, a .graphml or a .gexf file, relative to the corpus
  const char* expected;  // "file:line:column: message" of the first problem; paths relative,
                         // "@/" standing for the corpus in the message, "@KINDS" for the list
                         // of every relation kind
};

// clang-format off
const std::vector<Case> cases = {
    {"bad_confidence", "bad_confidence/facts.json:48:21: 'confidence' is \"certain\", expected one of \"confirmed\", \"reported\", \"alleged\", \"ungraded\""},
    {"bad_date", "bad_date/facts.json:48:16: 'since' is \"2021-02-30\", not a calendar date"},
    {"byte_order_mark", "byte_order_mark/facts.json:1:1: the file starts with a byte-order mark (U+FEFF): JSON is UTF-8 without one"},
    {"deep_nesting", "deep_nesting/facts.json:1:65: nesting deeper than 64 levels (--max-depth)"},
    {"duplicate_id", "duplicate_id/b.json:4:13: duplicate entity id 'mexicali' (first defined at @/duplicate_id/a.json:3:5)"},
    {"duplicate_member", "duplicate_member/facts.json:7:7: member 'name' appears twice in one object"},
    {"duplicate_relation", "duplicate_relation/facts.json:57:5: duplicate relation: same kind, ends and dates as at @/duplicate_relation/facts.json:44:5"},
    {"empty_file", "empty_file/facts.json:1:1: JSON syntax error: The document is empty."},
    {"endpoint_types", "endpoint_types/facts.json:45:15: 'leads' links person → organization or faction, not person → place"},
    {"invalid_utf8", "invalid_utf8/facts.json:3:29: JSON syntax error: Invalid encoding in string."},
    {"located_in_cycle", "located_in_cycle/facts.json:70:5: located_in cycle: tijuana → baja-california → mexico → tijuana"},
    {"malformed_id", "malformed_id/facts.json:43:13: 'id' is \"El Chapo\", expected a kebab-case id such as \"los-chapitos\""},
    {"missing_member", "missing_member/facts.json:42:5: missing required member 'sources'"},
    {"nul_byte", "nul_byte/facts.json:6:19: NUL byte in the text"},
    {"number_too_big", "number_too_big/facts.json:35:17: JSON syntax error: Number too big to be stored in double."},
    {"place_not_place", "place_not_place/facts.json:48:16: 'place' is 'el-ruso', a person, not a place"},
    {"self_loop", "self_loop/facts.json:47:13: relation links 'el-ruso' to itself"},
    {"since_after_until", "since_after_until/facts.json:49:16: 'since' (2021-05) is after 'until' (2021-03-31)"},
    {"syntax_error", "syntax_error/facts.json:5:7: JSON syntax error: Missing a comma or '}' after an object member."},
    {"top_level_array", "top_level_array/facts.json:1:1: the file is [{\"id\":\"el-ruso\",\"type\":\"person\",\"name\":\"El Ruso\",\"descri..., expected an object with \"sources\", \"entities\" and \"relations\" arrays (types, kinds and references are checked by the loader against graph/relation_kinds.cpp)"},
    {"truncated", "truncated/facts.json:7:27: JSON syntax error: Missing a closing quotation mark in string."},
    {"unknown_entity", "unknown_entity/facts.json:47:13: unknown entity id 'los-russos'"},
    {"unknown_kind", "unknown_kind/facts.json:45:15: unknown relation kind 'friend_of' (known: @KINDS)"},
    {"unknown_member", "unknown_member/facts.json:56:19: unknown member 'strength'"},
    {"unknown_source", "unknown_source/facts.json:51:21: unknown source id 'nowhere'"},
    {"unknown_top_member", "unknown_top_member/facts.json:17:13: unknown member 'people'"},
    {"unknown_type", "unknown_type/facts.json:44:15: unknown entity type 'gang'"},
    {"wrong_type", "wrong_type/facts.json:6:15: 'name' is 5, expected a non-empty string"},
    {"graphml/duplicate_relation.graphml", "graphml/duplicate_relation.graphml:13:5: duplicate relation: same kind, ends and dates as at @/graphml/duplicate_relation.graphml:9:5"},
    {"graphml/entity_expansion.graphml", "graphml/entity_expansion.graphml:3:16: entity declaration 'lol' refused: GraphML needs no entities"},
    {"graphml/infinite_weight.graphml", "graphml/infinite_weight.graphml:7:33: 'weight' is \"inf\", not a finite number"},
    {"graphml/located_in_cycle.graphml", "graphml/located_in_cycle.graphml:11:5: located_in cycle: tijuana → baja-california → mexico → tijuana"},
    {"graphml/missing_endpoint.graphml", "graphml/missing_endpoint.graphml:6:5: unknown node id 'c'"},
    {"graphml/unclosed_element.graphml", "graphml/unclosed_element.graphml:5:5: XML syntax error: mismatched tag"},
    {"graphml/not_graphml_root.graphml", "graphml/not_graphml_root.graphml:2:1: the root element is <svg>, not <graphml>: not a GraphML file"},
    {"graphml/undeclared_key.graphml", "graphml/undeclared_key.graphml:6:18: data refers to undeclared key 'd9'"},
    {"gexf/bad_precision.gexf", "gexf/bad_precision.gexf:8:20: 'start_precision' is \"week\", expected year, month or day"},
    {"gexf/bad_spell_date.gexf", "gexf/bad_spell_date.gexf:8:11: 'since' is \"2021-02-30\", not a calendar date"},
    {"gexf/duplicate_relation.gexf", "gexf/duplicate_relation.gexf:8:7: duplicate relation: same kind, ends and dates as at @/gexf/duplicate_relation.gexf:7:7"},
    {"gexf/entity_expansion.gexf", "gexf/entity_expansion.gexf:3:16: entity declaration 'lol' refused: GEXF needs no entities"},
    {"gexf/not_gexf_root.gexf", "gexf/not_gexf_root.gexf:2:1: the root element is <graphml>, not <gexf>: not a GEXF file"},
    {"gexf/since_after_until.gexf", "gexf/since_after_until.gexf:6:7: 'since' (2021-05-01) is after 'until' (2021-03-31)"},
    {"gexf/unclosed_element.gexf", "gexf/unclosed_element.gexf:5:7: XML syntax error: mismatched tag"},
    {"gexf/undeclared_attribute.gexf", "gexf/undeclared_attribute.gexf:6:41: attvalue for undeclared node attribute '1'"},
    {"gexf/unknown_kind.gexf", "gexf/unknown_kind.gexf:7:7: unknown relation kind 'friend_of' (known: @KINDS)"},
    {"gexf/unknown_node.gexf", "gexf/unknown_node.gexf:6:7: unknown node id 'c'"},
};
// clang-format on

void check_rejected(const std::string& input, std::string expected) {
  CAPTURE(input);
  for (auto at = expected.find("@/"); at != std::string::npos; at = expected.find("@/", at))
    expected.replace(at, 2, corpus);
  if (const auto at = expected.find("@KINDS"); at != std::string::npos)
    expected.replace(at, 6, cartelgraph::joined_names<cartelgraph::RelationKind>());
  const Run r = run_cli("--data '" + corpus + input + "' info");
  CHECK(r.exit_code == 3);
  CHECK(r.signal == 0);
  CHECK(r.out.empty());
  const std::string first_line = r.err.substr(0, r.err.find('\n'));
  CHECK(first_line == corpus + expected);
}

}  // namespace

TEST_CASE("every input of the malformed corpus exits 3 with its first problem located") {
  CHECK(cases.size() >= 30);
  for (const Case& c : cases) check_rejected(c.input, c.expected);
}

TEST_CASE("the corpus covers every fixture there is") {
  namespace fs = std::filesystem;
  std::size_t inputs = 0;
  const auto is_format_folder = [](const fs::path& name) {
    return name == "graphml" || name == "gexf";
  };
  for (const auto& entry : fs::directory_iterator(corpus)) inputs += is_format_folder(entry.path().filename()) ? 0 : 1;
  for (const char* format : {"graphml", "gexf"})
    for (const auto& entry : fs::directory_iterator(corpus + format)) inputs += entry.is_regular_file() ? 1 : 0;
  CHECK(inputs == cases.size());
}
