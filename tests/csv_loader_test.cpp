// CSV in and out: the lossless export read back, RFC 4180 reading, edge lists from spreadsheets
// (a LibreOffice file among them), column mapping and the import policy.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "cartelgraph/exporters/exports.hpp"
#include "cartelgraph/loaders/builtin_data.hpp"
#include "cartelgraph/loaders/csv_cells.hpp"
#include "cartelgraph/loaders/csv_loader.hpp"
#include "cartelgraph/loaders/csv_reader.hpp"
#include "sample_graph.hpp"

using namespace cartelgraph;
using cartelgraph::testing::make_entity;
using cartelgraph::testing::make_relation;
namespace fs = std::filesystem;

namespace {

CsvExportFiles files_of(const CsvExport& csv) {
  return {{"sources.csv", csv.sources},
          {"nodes.csv", csv.nodes},
          {"relationships.csv", csv.relationships},
          {"citations.csv", csv.citations}};
}

std::vector<detail::CsvRow> rows_of(const std::string& text, std::vector<Problem>& problems) {
  std::vector<detail::CsvRow> rows;
  detail::read_csv(
      {"t.csv", text}, [&](detail::CsvRow& row) { return rows.push_back(row), true; }, problems);
  return rows;
}

LoadResult edges(const std::string& text, const CsvColumns& columns = {}, const LoadOptions& options = {}) {
  return load_csv_edges({"calls.csv", text}, std::nullopt, columns, options);
}

// The one relation of `graph` from the entity named `from` to the one named `to`.
const Relation* tie(const KnowledgeGraph& graph, std::string_view from, std::string_view to) {
  const Graph& g = graph.graph();
  for (const Edge e : boost::make_iterator_range(boost::edges(g)))
    if (graph.entity(boost::source(e, g)).name == from && graph.entity(boost::target(e, g)).name == to)
      return &graph.relation(e);
  return nullptr;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST_CASE("the built-in data exported as CSV reads back to the same JSON export byte for byte") {
  const KnowledgeGraph builtin = load_builtin_graph();
  const LoadResult back = load_csv_export(files_of(export_csv(GraphView(builtin))));
  REQUIRE(back.problems.empty());
  CHECK(back.graph.entity_count() == builtin.entity_count());
  CHECK(back.graph.relation_count() == builtin.relation_count());
  CHECK(export_json(GraphView(back.graph)) == export_json(GraphView(builtin)));
}

TEST_CASE("every field survives CSV: formula-like and quoted text, list separators, labels, confidential sources") {
  KnowledgeGraph g;
  g.add_source({"doc", "=HYPERLINK(\"x\")", "'Author", "+Pub", "2021-04", "http://a/;b", "doc.txt", SourceKind::filing, true});
  Entity odd = make_entity("odd", EntityType::person, "'quoted name", {"a;b", "back\\slash", "-minus", "=1+1"});
  odd.known_as = "@handle";
  odd.description = "line one\nline \"two\", with commas";
  odd.sources = {{"doc", "Heading", "\ttab note", CitationSupport::statement}};
  const Vertex a = g.add_entity(odd);
  const Vertex b = g.add_entity(make_entity("other", EntityType::person, "Other"));
  Relation r = make_relation(RelationKind::associate_of, Confidence::ungraded);
  r.label = "called";
  r.known_by = Date::parse("2020");
  r.ended_by = Date::parse("2022-05");
  r.weight = 0.1;
  r.storyline = "calls";
  g.add_relation(a, b, r);

  const LoadResult back = load_csv_export(files_of(export_csv(GraphView(g))));
  REQUIRE(back.problems.empty());
  const Source& s = back.graph.sources().front();
  CHECK(s.title == "=HYPERLINK(\"x\")");
  CHECK(s.author == "'Author");
  CHECK(s.publisher == "+Pub");
  CHECK(s.url == "http://a/;b");
  CHECK(s.confidential);
  const Entity& e = back.graph.entity(*back.graph.find("odd"));
  CHECK(e.name == "'quoted name");
  CHECK(e.aliases == odd.aliases);
  CHECK(e.known_as == "@handle");
  CHECK(e.description == odd.description);
  REQUIRE(e.sources.size() == 1);
  CHECK(e.sources[0].note == "\ttab note");
  CHECK(e.sources[0].support == CitationSupport::statement);
  const Relation* back_r = tie(back.graph, "'quoted name", "Other");
  REQUIRE(back_r);
  CHECK(back_r->label == "called");
  CHECK(back_r->known_by == r.known_by);
  CHECK(back_r->ended_by == r.ended_by);
  CHECK(back_r->weight == 0.1);
  CHECK(back_r->confidence == Confidence::ungraded);
  CHECK(back_r->storyline == "calls");
  CHECK(back_r->sources.size() == 1);
}

TEST_CASE("the formula guard is a leading quote that reading removes, so text starting with ' survives") {
  CHECK(detail::guarded("=SUM(A1)") == "'=SUM(A1)");
  CHECK(detail::guarded("'a") == "''a");
  CHECK(detail::guarded("plain") == "plain");
  for (const char* text : {"=x", "+x", "-x", "@x", "\tx", "\rx", "'x", "''", "x'", ""})
    CHECK(detail::unguarded(detail::guarded(text)) == text);
  const std::vector<std::string> items = {"a;b", "c\\", "\\;", "d"};
  CHECK(detail::joined_list(items) == "a\\;b;c\\\\;\\\\\\;;d");
  CHECK(detail::split_list(detail::joined_list(items)) == items);
  CHECK(detail::split_list("").empty());
}

TEST_CASE("CSV is read as RFC 4180 says: quoted commas, line breaks and doubled quotes, CRLF, a BOM skipped") {
  std::vector<Problem> problems;
  const auto rows = rows_of("\xEF\xBB\xBFh1,h2\r\n\"a,b\",\"two\nlines\"\r\n\r\n\"say \"\"hi\"\"\",José\r\nx,\n",
                            problems);
  REQUIRE(problems.empty());
  REQUIRE(rows.size() == 4);
  CHECK(rows[0][0].text == "h1");
  CHECK(rows[1][0].text == "a,b");
  CHECK(rows[1][1].text == "two\nlines");
  CHECK(rows[2][0].text == "say \"hi\"");
  CHECK(rows[2][0].line == 5);  // after the two-line field and a blank line
  CHECK(rows[2][1].text == "José");
  CHECK(rows[2][1].column == 14);
  CHECK(rows[3].size() == 2);
  CHECK(rows[3][1].text.empty());
}

TEST_CASE("columns are counted in characters, not bytes") {
  std::vector<Problem> problems;
  const auto rows = rows_of("José,Núñez,x\"y\n", problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].line == 1);
  CHECK(problems[0].column == 13);
}

TEST_CASE("a caller,callee,count list becomes people tied by ungraded, summed, merged calls") {
  const LoadResult r = edges("caller,callee,count\nEl Mencho,Ana,2\nEl Mencho,Ana,3\nAna,Beto,1\n");
  REQUIRE(r.problems.empty());
  CHECK(r.graph.entity_count() == 3);
  CHECK(r.graph.relation_count() == 2);
  const auto mencho = r.graph.find("el-mencho");
  REQUIRE(mencho);
  CHECK(r.graph.entity(*mencho).name == "El Mencho");
  CHECK(r.graph.entity(*mencho).type == EntityType::person);
  const Relation* calls = tie(r.graph, "El Mencho", "Ana");
  REQUIRE(calls);
  CHECK(calls->weight == 5);
  CHECK(calls->kind == RelationKind::associate_of);
  CHECK(calls->confidence == Confidence::ungraded);
  CHECK(calls->sources.empty());
  CHECK(calls->storyline == "calls");
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes[0].line == 3);
}

TEST_CASE("a kind outside the vocabulary is kept as the label and analysed as the default kind") {
  LoadOptions options;
  options.default_kind = RelationKind::relative_of;
  const LoadResult r = edges("from,to,type\nA,B,phoned\nB,C,SPOUSE_OF\nC,D,\n", {}, options);
  REQUIRE_MESSAGE(r.problems.empty(), (r.problems.empty() ? "" : to_string(r.problems[0])));
  CHECK(tie(r.graph, "A", "B")->label == "phoned");
  CHECK(tie(r.graph, "A", "B")->kind == RelationKind::relative_of);
  CHECK(tie(r.graph, "B", "C")->kind == RelationKind::spouse_of);
  CHECK(tie(r.graph, "B", "C")->label.empty());
  CHECK(tie(r.graph, "C", "D")->kind == RelationKind::relative_of);
  // Two kinds of their own between the same ends stay two ties; the same one twice is merged.
  const LoadResult two = edges("from,to,kind\nA,B,phoned\nA,B,met\nA,B,phoned\n");
  REQUIRE(two.problems.empty());
  CHECK(two.graph.relation_count() == 2);
  CHECK(two.notes.size() == 1);
}

TEST_CASE("column flags name the columns; unread columns are noted") {
  CsvColumns columns;
  columns.from = "Who";
  columns.to = "whom";
  columns.weight = "N";
  columns.since = "day";
  const LoadResult r = edges("extra,whom,Who,n,day\nz,B,A,7,2021-03\n", columns);
  REQUIRE(r.problems.empty());
  const Relation* t = tie(r.graph, "A", "B");
  REQUIRE(t);
  CHECK(t->weight == 7);
  CHECK(t->since == Date::parse("2021-03"));
  REQUIRE(r.notes.size() == 1);
  CHECK(r.notes[0].message.starts_with("columns not read: extra"));
}

TEST_CASE("Neo4j import headers are read, node table and all") {
  const FactFile nodes{"nodes.csv", "personId:ID,name,:LABEL\np1,Ana,Person\ng1,Los Tales,Organization;Gang\n"};
  const FactFile rels{"rels.csv", ":START_ID,:END_ID,:TYPE,weight:double\np1,g1,MEMBER_OF,2\n"};
  const LoadResult r = load_csv_edges(rels, nodes, {}, {});
  REQUIRE(r.problems.empty());
  CHECK(r.graph.entity(*r.graph.find("g1")).type == EntityType::organization);
  const Relation* t = tie(r.graph, "Ana", "Los Tales");
  REQUIRE(t);
  CHECK(t->kind == RelationKind::member_of);
  CHECK(t->weight == 2);
}

TEST_CASE("the limits hold for CSV: records past --max-relations are refused") {
  LoadOptions options;
  options.limits.max_relations = 1;
  const LoadResult r = edges("from,to\nA,B\nB,C\n", {}, options);
  REQUIRE(r.problems.size() == 1);
  CHECK(to_string(r.problems[0]) == "calls.csv:3:1: more than 1 records (--max-relations)");
  options.limits = {};
  options.limits.max_entities = 2;
  CHECK(to_string(edges("from,to\nA,B\nB,C\n", {}, options).problems.at(0)) ==
        "calls.csv:3:3: more than 2 entities (--max-entities)");
  options.limits = {};
  options.limits.max_file_bytes = 8;
  CHECK(to_string(edges("from,to\nA,B\n", {}, options).problems.at(0)).starts_with("calls.csv:1:1: file is 12 bytes"));
}

TEST_CASE("a mapping file beside the CSV names its columns and its node table") {
  const fs::path dir = fs::temp_directory_path() / "cartelgraph-csv-mapping";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "calls.csv") << "a,b,n\np1,p2,4\n";
  std::ofstream(dir / "people.csv") << "key,full name,role\np1,Ana,person\np2,Los Tales,organization\n";
  std::ofstream(dir / "calls.mapping") << "# who called whom\nnodes = people.csv\nfrom = a\nto = b\nweight = n\n"
                                          "id = key\nname = full name\ntype = role\ndefault-kind = member_of\n";
  const LoadResult r = load_csv_file(dir / "calls.csv", {});
  REQUIRE(r.problems.empty());
  const Relation* t = tie(r.graph, "Ana", "Los Tales");
  REQUIRE(t);
  CHECK(t->kind == RelationKind::member_of);
  CHECK(t->weight == 4);
  fs::remove_all(dir);
}

TEST_CASE("a CSV saved by LibreOffice Calc loads as a call list") {
  const fs::path file = fs::path(CARTELGRAPH_SOURCE_DIR) / "tests/fixtures/csv/libreoffice/calls.csv";
  const LoadResult r = load_csv_edges({file.string(), read_file(file)}, std::nullopt, {}, {});
  REQUIRE(r.problems.empty());
  CHECK(r.graph.entity_count() == 4);
  CHECK(r.graph.relation_count() == 4);  // five records, two of them the same tie
  CHECK(tie(r.graph, "El Mencho", "Abuelo Farías")->weight == 16);
  CHECK(tie(r.graph, "El Mencho", "Abuelo Farías")->since == Date::parse("2021-03-01"));
  CHECK(tie(r.graph, "Oseguera, Rubén", "El Mencho")->label == "family call");
  CHECK(tie(r.graph, "Abuelo Farías", "José González Valencia")->weight == 2.5);
  CHECK(r.graph.find("jose-gonzalez-valencia"));
}
