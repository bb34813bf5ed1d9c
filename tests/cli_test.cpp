// Runs the cartelgraph executable as a user would and checks its output and exit codes.
#include <doctest/doctest.h>

#include <rapidjson/document.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

struct Run {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

const std::string source_dir = CARTELGRAPH_SOURCE_DIR;

Run run(const std::string& arguments) {
  const auto err_path = std::filesystem::temp_directory_path() /
                        ("cartelgraph_cli_test_" + std::to_string(::getpid()) + ".err");
  const std::string command = std::string(CARTELGRAPH_EXE) + " " + arguments + " 2>" + err_path.string();
  Run result;
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_path);
  result.err.assign(std::istreambuf_iterator<char>(err), {});
  std::filesystem::remove(err_path);
  return result;
}

rapidjson::Document parse_json(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str());
  REQUIRE_FALSE(document.HasParseError());
  return document;
}

}  // namespace

TEST_CASE("info --format json prints the brief's shape with the five sources") {
  const Run r = run("--format json info");
  CHECK(r.exit_code == 0);
  const auto json = parse_json(r.out);
  REQUIRE(json.IsObject());
  CHECK(json["sources"].GetInt() == 5);
  CHECK(json["entities"].GetInt() > 0);
  CHECK(json["relations"].GetInt() > 0);
  REQUIRE(json["by_type"].IsObject());
  REQUIRE(json["by_kind"].IsObject());
  int total = 0;
  for (const auto& member : json["by_type"].GetObject()) total += member.value.GetInt();
  CHECK(total == json["entities"].GetInt());
}

TEST_CASE("show finds an entity by a nickname without accents or case") {
  const Run r = run("show \"EL OMEGA\"");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Felipe Eduardo Barajas Lozano") != std::string::npos);
  CHECK(r.out.find("Los Rusos") != std::string::npos);

  const Run json = run("--format json show 'san luis rio colorado'");
  CHECK(json.exit_code == 0);
  const auto card = parse_json(json.out);
  CHECK(std::string(card["id"].GetString()) == "san-luis-rio-colorado");
  CHECK(card["relations"].Size() > 0);
}

TEST_CASE("an unknown entity exits 1 with suggestions") {
  const Run r = run("show 'Los Rusoss'");
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("los-rusos") != std::string::npos);
}

TEST_CASE("usage errors exit 2") {
  CHECK(run("").exit_code == 2);
  CHECK(run("frobnicate").exit_code == 2);
  CHECK(run("--format xml info").exit_code == 2);
  CHECK(run("--as-of 2021-02-30 info").exit_code == 2);
  CHECK(run("--min-confidence certain info").exit_code == 2);
  CHECK(run("list --type gang").exit_code == 2);
  CHECK(run("--help").exit_code == 0);
}

TEST_CASE("list filters by type and the view") {
  const Run places = run("--format json list --type place");
  CHECK(places.exit_code == 0);
  const auto json = parse_json(places.out);
  REQUIRE(json["entities"].Size() > 0);
  for (const auto& entity : json["entities"].GetArray()) CHECK(std::string(entity["type"].GetString()) == "place");

  const Run people = run("--types person list");
  CHECK(people.out.find("felipe-eduardo-barajas-lozano") != std::string::npos);
  CHECK(people.out.find("mexicali ") == std::string::npos);
}

TEST_CASE("validate accepts the seeds and rejects a broken copy naming both files") {
  CHECK(run("validate " + source_dir + "/seeds").exit_code == 0);
  CHECK(run("validate").exit_code == 0);

  namespace fs = std::filesystem;
  const fs::path copy = fs::temp_directory_path() / ("cartelgraph_seeds_" + std::to_string(::getpid()));
  fs::remove_all(copy);
  fs::copy(source_dir + "/seeds", copy);
  {  // a syntax error in one file: drop the first comma
    std::ifstream in(copy / "sinaloa_war.json");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    text.erase(text.find(','), 1);
    std::ofstream(copy / "sinaloa_war.json") << text;
  }
  {  // a relation to an unknown id in another
    std::ifstream in(copy / "salazar_garibay.json");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    const auto at = text.find("\"to\": \"los-garibay\"");
    REQUIRE(at != std::string::npos);
    text.replace(at, std::string("\"to\": \"los-garibay\"").size(), "\"to\": \"los-garibai\"");
    std::ofstream(copy / "salazar_garibay.json") << text;
  }
  const Run r = run("--data " + copy.string() + " validate");
  CHECK(r.exit_code == 3);
  CHECK(r.out.find((copy / "sinaloa_war.json").string() + ":") != std::string::npos);
  CHECK(r.out.find("JSON syntax error") != std::string::npos);
  CHECK(r.out.find((copy / "salazar_garibay.json").string() + ":") != std::string::npos);
  CHECK(r.out.find("unknown entity id 'los-garibai'") != std::string::npos);

  const Run info = run("--data " + copy.string() + " info");
  CHECK(info.exit_code == 3);
  CHECK(info.out.empty());
  CHECK(info.err.find("unknown entity id 'los-garibai'") != std::string::npos);
  fs::remove_all(copy);
}
