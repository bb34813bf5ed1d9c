// `cartelgraph compile` and `--data net.cgdb`: every command answers from the store as from the
// data it was compiled from; a damaged store is refused with exit 3 and a located message; the
// load cache under XDG_CACHE_HOME changes no answer.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli_run.hpp"

namespace {

namespace fs = std::filesystem;
using cartelgraph::testing::empty_directory;
using cartelgraph::testing::Run;
using cartelgraph::testing::run_cli;

const std::string source_dir = CARTELGRAPH_SOURCE_DIR;

// The questions asked of each dataset, text and JSON.
const std::vector<std::string> questions = {"info",
                                            "list",
                                            "kinds",
                                            "centrality --measure pagerank",
                                            "centrality --measure betweenness --network all",
                                            "communities",
                                            "factions",
                                            "disrupt",
                                            "brokers",
                                            "export --to json",
                                            "export --to graphml",
                                            "export --to ftm",
                                            "--format json centrality --measure degree",
                                            "--as-of 2020 info",
                                            "--min-confidence confirmed list"};

// Runs `arguments` with the cache kept in `cache` (an XDG_CACHE_HOME).
Run run_cached(const fs::path& cache, const std::string& arguments) {
  return run_cli(arguments, "export XDG_CACHE_HOME='" + cache.string() + "'; ");
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void write(const fs::path& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

}  // namespace

TEST_CASE("every command answers from a compiled store as from the data it was compiled from") {
  const fs::path dir = empty_directory("compile_cli");
  const std::vector<std::pair<std::string, std::vector<std::string>>> datasets = {
      {source_dir + "/seeds",
       {"show 'El Ruso'", "path 'El Ruso' 'Los Garibay'", "neighbors 'El Ruso' --depth 2", "timeline 'El Ruso'",
        "search garibay", "report 'Los Garibay' -o -"}},
      {source_dir + "/tests/fixtures/poisoned_graphml/poisoned.graphml", {}},
      {source_dir + "/tests/fixtures/csv/libreoffice/calls.csv", {}},
      {source_dir + "/tests/fixtures/gexf/gephi_0.10_dynamic.gexf", {}}};
  int index = 0;
  for (const auto& dataset : datasets) {  // no structured binding: clang 14's INFO cannot capture one
    const std::string& data = dataset.first;
    const std::vector<std::string>& own = dataset.second;
    const fs::path store = dir / ("net" + std::to_string(index++) + ".cgdb");
    const Run compiled = run_cached(dir / "cache", "compile '" + data + "' -o '" + store.string() + "'");
    INFO(data, compiled.err);
    REQUIRE(compiled.exit_code == 0);
    CHECK(compiled.err.find("wrote " + store.string()) != std::string::npos);
    std::vector<std::string> all = questions;
    all.insert(all.end(), own.begin(), own.end());
    for (const std::string& question : all) {
      INFO(question);
      const Run from_data = run_cached(dir / "no-cache", "--data '" + data + "' " + question);
      const Run from_store = run_cached(dir / "no-cache", "--data '" + store.string() + "' " + question);
      CHECK(from_store.exit_code == from_data.exit_code);
      CHECK(from_store.out == from_data.out);
      CHECK(from_store.err == from_data.err);
    }
  }
  fs::remove_all(dir);
}

TEST_CASE("a corrupted, truncated or wrong-version store is refused with exit 3 and a located message") {
  const fs::path dir = empty_directory("compile_cli_bad");
  const fs::path store = dir / "net.cgdb";
  REQUIRE(run_cli("compile -o '" + store.string() + "'").exit_code == 0);
  const std::string good = read(store);
  const Run fine = run_cli("--data '" + store.string() + "' info");
  REQUIRE(fine.exit_code == 0);

  std::string flipped = good;
  flipped[good.size() - 100] = static_cast<char>(flipped[good.size() - 100] ^ 0x10);
  std::string version = good;
  version[8] = 9;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {flipped, "checksum does not match (the file is corrupt)"},
      {good.substr(0, good.size() / 2), " (truncated)"},
      {version, ": header (byte 8): format version 9; this cartelgraph reads version 3"},
      {good.substr(0, 30), ": header (byte 0): file is 30 bytes, too short"},
      {"", ": header (byte 0): file is 0 bytes, too short"}};
  for (const auto& damaged : cases) {
    const std::string& bytes = damaged.first;
    const std::string& message = damaged.second;
    INFO(message);
    write(store, bytes);
    const Run run = run_cli("--data '" + store.string() + "' info");
    CHECK(run.exit_code == 3);
    CHECK(run.out.empty());
    CHECK(run.err.starts_with(store.string() + ": "));
    CHECK(run.err.find(message) != std::string::npos);
  }
  write(store, flipped);
  CHECK(run_cli("--data '" + store.string() + "' info").err.find("section '") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("a store damaged where a command reads relations is refused with exit 3 when the command reads them") {
  const fs::path dir = empty_directory("compile_cli_lazy");
  const fs::path store = dir / "net.cgdb";
  REQUIRE(run_cli("compile -o '" + store.string() + "'").exit_code == 0);
  std::string bytes = read(store);
  // The relations section: entry 9 of the section table (id, record size, offset, …).
  std::size_t relations = 0;
  const auto u32 = [&](std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 8 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3])) << 24;
  };
  for (std::size_t entry = 64; entry < 64 + 32 * u32(24); entry += 32)
    if (u32(entry) == 9) relations = u32(entry + 8);
  REQUIRE(relations > 0);
  bytes[relations + 48 * 3 + 24] ^= 0x01;  // a date of relation 3
  write(store, bytes);
  const Run show = run_cli("--data '" + store.string() + "' show 'El Ruso'");
  CHECK(show.exit_code == 3);
  CHECK(show.out.empty());
  CHECK(show.err.starts_with(store.string() + ": section 'relations' (byte " + std::to_string(relations) +
                             "): checksum does not match (the file is corrupt)"));
  CHECK(run_cli("--data '" + store.string() + "' list").exit_code == 0);     // reads entities only
  const Run validate = run_cli("--data '" + store.string() + "' validate");  // reads every record
  CHECK(validate.exit_code == 3);
  CHECK(validate.out.find("section 'relations'") != std::string::npos);
  // The string pool, read as a name is looked up: a located problem too, not a usage error.
  std::size_t strings = 0;
  for (std::size_t entry = 64; entry < 64 + 32 * u32(24); entry += 32)
    if (u32(entry) == 2) strings = u32(entry + 8);
  REQUIRE(strings > 0);
  bytes = read(store);
  bytes[relations + 48 * 3 + 24] ^= 0x01;  // the relation made right again
  bytes[strings + 40] ^= 0x01;
  write(store, bytes);
  const Run named = run_cli("--data '" + store.string() + "' show 'El Ruso'");
  CHECK(named.exit_code == 3);
  CHECK(named.err.starts_with(store.string() + ": section 'strings' (byte " + std::to_string(strings) +
                              "): checksum does not match (the file is corrupt)"));
  fs::remove_all(dir);
}

TEST_CASE("compile refuses invalid data with exit 3 and writes nothing") {
  const fs::path dir = empty_directory("compile_cli_invalid");
  const Run run = run_cli("compile '" + source_dir + "/tests/fixtures/invalid/bad_date' -o '" +
                          (dir / "x.cgdb").string() + "'");
  CHECK(run.exit_code == 3);
  CHECK(run.err.find("bad_date") != std::string::npos);
  CHECK(fs::is_empty(dir));
  CHECK(run_cli("compile").exit_code == 2);  // -o is required
  fs::remove_all(dir);
}

TEST_CASE("--data DIR keeps a compiled store under XDG_CACHE_HOME that changes no answer") {
  const fs::path dir = empty_directory("compile_cli_cache");
  const std::string data = "--data '" + source_dir + "/seeds' ";
  const Run reference = run_cached(dir / "first", data + "path 'El Ruso' 'Los Garibay'");
  REQUIRE(reference.exit_code == 0);
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir / "first/cartelgraph")) files.push_back(entry.path());
  REQUIRE(files.size() == 1);
  CHECK(files.front().extension() == ".cgdb");
  const Run second = run_cached(dir / "first", data + "path 'El Ruso' 'Los Garibay'");
  CHECK(second.out == reference.out);
  CHECK(second.err == reference.err);
  // Corrupted: ignored, same answer, silent.
  std::string bytes = read(files.front());
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 1);
  write(files.front(), bytes);
  const Run corrupted = run_cached(dir / "first", data + "path 'El Ruso' 'Los Garibay'");
  CHECK(corrupted.exit_code == 0);
  CHECK(corrupted.out == reference.out);
  CHECK(corrupted.err == reference.err);
  // Unwritable (a file where the directory should be): same answer, silent.
  write(dir / "blocked", "x");
  const Run blocked = run_cached(dir / "blocked", data + "path 'El Ruso' 'Los Garibay'");
  CHECK(blocked.exit_code == 0);
  CHECK(blocked.out == reference.out);
  CHECK(blocked.err == reference.err);
  // The data folder holds no cache.
  CHECK_FALSE(fs::exists(source_dir + "/seeds/cartelgraph"));
  fs::remove_all(dir);
}

TEST_CASE(
    "the store fuzz corpus's damaged stores are refused with exit 3 and a located message, its sound one answers") {
  // Entries whose mode byte is 0 are read as they are (fuzz/store_fuzz.cpp); the others are for
  // the fuzzer to reseal. scripts/make-store-corpus writes them for the current format.
  const fs::path dir = empty_directory("compile_cli_corpus");
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"poisoned", ""},
      {"flipped_bytes", "checksum does not match (the file is corrupt)"},
      {"cut_in_half", " (truncated)"},
      {"wrong_version", ": header (byte 8): format version 9; this cartelgraph reads version 3"}};
  for (const auto& [name, message] : expected) {
    INFO(name);
    const std::string entry = read(fs::path(source_dir) / "fuzz/corpus/store" / name);
    REQUIRE(entry.size() > 1);
    REQUIRE(entry[0] == '\0');
    const fs::path store = dir / (name + ".cgdb");
    write(store, entry.substr(1));
    const Run run = run_cli("--data '" + store.string() + "' info");
    if (message.empty()) {
      CHECK(run.exit_code == 0);
      CHECK(run.out.starts_with("5 entities, 5 relations"));
      continue;
    }
    CHECK(run.exit_code == 3);
    CHECK(run.err.starts_with(store.string() + ": "));
    CHECK(run.err.find(message) != std::string::npos);
  }
  fs::remove_all(dir);
}
