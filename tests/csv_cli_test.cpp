// CSV through the command line: an export read back unchanged, and a journalist's call list.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "cli_run.hpp"

using cartelgraph::testing::empty_directory;
using cartelgraph::testing::Run;
using cartelgraph::testing::run_cli;

TEST_CASE("export --to csv, then --data on that directory, gives the same export --to json byte for byte") {
  const auto dir = empty_directory("csv_round_trip");
  const Run exported = run_cli("export --to csv -o '" + (dir / "out").string() + "'");
  REQUIRE(exported.exit_code == 0);
  for (const char* table : {"nodes.csv", "relationships.csv", "sources.csv", "citations.csv"})
    CHECK(std::filesystem::is_regular_file(dir / "out" / table));
  const Run original = run_cli("export --to json");
  const Run back = run_cli("--data '" + (dir / "out").string() + "' export --to json");
  REQUIRE(original.exit_code == 0);
  CHECK(back.exit_code == 0);
  CHECK(back.err.empty());
  CHECK(back.out == original.out);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a headed caller,callee,count file is analysed, and its calls show as ungraded") {
  const auto dir = empty_directory("csv_calls");
  const std::string calls = (dir / "calls.csv").string();
  std::ofstream(calls) << "caller,callee,count\nEl Mencho,Ana,3\nAna,Beto,1\nEl Mencho,Ana,2\nBeto,Carla,4\n";
  const Run centrality = run_cli("--data '" + calls + "' centrality");
  CHECK(centrality.exit_code == 0);
  CHECK(centrality.out.find("Ana") != std::string::npos);
  CHECK(centrality.err.find("merged") != std::string::npos);  // the repeated call, noted

  const Run show = run_cli("--data '" + calls + "' show 'El Mencho'");
  CHECK(show.exit_code == 0);
  CHECK(show.out.find("[ungraded]") != std::string::npos);
  const Run json = run_cli("--data '" + calls + "' --format json show 'El Mencho'");
  CHECK(json.exit_code == 0);
  CHECK(json.out.find("\"confidence\": \"ungraded\"") != std::string::npos);
  CHECK(json.out.find("\"weight\": 5") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("an imported kind of its own shows in show and path, text and JSON") {
  const auto dir = empty_directory("csv_label");
  const std::string calls = (dir / "calls.csv").string();
  std::ofstream(calls) << "from,to,kind\nAna,Beto,phoned\nBeto,Carla,met\n";
  const Run show = run_cli("--data '" + calls + "' show Ana");
  CHECK(show.out.find("phoned") != std::string::npos);
  CHECK(show.out.find("(as associate of)") != std::string::npos);
  const Run path = run_cli("--data '" + calls + "' --format json path Ana Carla");
  CHECK(path.exit_code == 0);
  CHECK(path.out.find("\"label\": \"met\"") != std::string::npos);
  const Run text = run_cli("--data '" + calls + "' path Ana Carla");
  CHECK(text.out.find("met") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("column flags map a spreadsheet's own headers") {
  const auto dir = empty_directory("csv_flags");
  const std::string file = (dir / "meetings.csv").string();
  std::ofstream(file) << "date,who,with whom,times\n2021-03,Ana,Beto,2\n";
  const Run r = run_cli("--data '" + file +
                        "' --from-column who --to-column 'with whom' --weight-column times "
                        "--since-column date --format json show Ana");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("\"since\": \"2021-03\"") != std::string::npos);
  CHECK(r.out.find("\"weight\": 2") != std::string::npos);
  const Run wrong = run_cli("--data '" + file + "' --from-column caller info");
  CHECK(wrong.exit_code == 3);
  CHECK(wrong.err.find("meetings.csv:1:1: no column 'caller'") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a call list merged with the built-in facts connects El Mencho to a caller, and --weighted counts calls") {
  const auto dir = empty_directory("csv_merged_calls");
  const std::string calls = (dir / "calls.csv").string();
  std::ofstream(calls) << "caller,callee,count\nEl Mencho,Ana,3\nAna,Beto,1\nEl Mencho,Ana,2\nBeto,Carla,4\n";
  const Run path = run_cli("--data +builtin --data '" + calls + "' path 'El Mencho' Carla");
  CAPTURE(path.err);
  CHECK(path.exit_code == 0);
  CHECK(path.out.find("Nemesio Oseguera Cervantes") != std::string::npos);  // the built-in El Mencho
  CHECK(path.out.find("3 hops") != std::string::npos);
  const Run further = run_cli("--data +builtin --data '" + calls + "' path 'El Menchito' Carla");
  CHECK(further.exit_code == 0);  // from a built-in entity through El Mencho to the calls
  const Run weighted = run_cli("--data '" + calls + "' centrality --weighted");
  CHECK(weighted.exit_code == 0);
  CHECK(weighted.out.find("weighted") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("a whitespace-separated src dst weight edge list loads, with or without a header, each problem located") {
  const auto dir = empty_directory("edgelist");
  const std::string bare = (dir / "meetings.txt").string();
  std::ofstream(bare) << "# meetings\n1 2 3\n1 3 1\n2 3 2\n\n3 4 1\n";
  const Run info = run_cli("--data '" + bare + "' --format json info");
  CHECK(info.exit_code == 0);
  CHECK(info.out.find("\"entities\": 4") != std::string::npos);
  CHECK(info.out.find("\"relations\": 4") != std::string::npos);
  const std::string headed = (dir / "calls.csv").string();  // a .csv that is not comma-separated
  std::ofstream(headed) << "src\tdst\tweight\nA  B\t2\nB C 1\n";
  CHECK(run_cli("--data '" + headed + "' path A C").exit_code == 0);
  const std::string ragged = (dir / "ragged.edgelist").string();
  std::ofstream(ragged) << "1 2 3\n1 3\n";
  const Run bad = run_cli("--data '" + ragged + "' info");
  CHECK(bad.exit_code == 3);
  CHECK(bad.err.find("ragged.edgelist:2:1: a record of 2 fields; the header has 3") != std::string::npos);
  const std::string surrogate = (dir / "surrogate.txt").string();  // U+DEFF encoded: not UTF-8 (fuzzing found it)
  std::ofstream(surrogate) << "1 2\nA \xED\xBB\xBF\n";
  const Run not_utf8 = run_cli("--data '" + surrogate + "' info");
  CHECK(not_utf8.exit_code == 3);
  CHECK(not_utf8.err.find("surrogate.txt:2:3: not UTF-8 text") != std::string::npos);
  std::filesystem::remove_all(dir);
}
