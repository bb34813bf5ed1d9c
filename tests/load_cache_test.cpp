// The load cache: a second load reads the compiled store the first wrote; a touched input, a
// corrupt or unwritable cache never change what is loaded.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include "cartelgraph/exporters/exports.hpp"
#include "cartelgraph/loaders/load_cache.hpp"

namespace cartelgraph {

namespace {

namespace fs = std::filesystem;

// A copy of seeds/ (its files dated an hour ago) and a cache directory, removed at the end.
struct Scratch {
  fs::path root = fs::temp_directory_path() / ("cartelgraph_cache_test_" + std::to_string(::getpid()));
  fs::path data = root / "data";
  fs::path cache = root / "cache" / "cartelgraph";
  Scratch() {
    fs::remove_all(root);
    fs::create_directories(data);
    for (const auto& entry : fs::directory_iterator(fs::path(CARTELGRAPH_SOURCE_DIR) / "seeds"))
      if (entry.path().extension() == ".json") fs::copy_file(entry.path(), data / entry.path().filename());
    age(data);
  }
  ~Scratch() {
    std::error_code error;
    fs::permissions(cache, fs::perms::owner_all, error);
    fs::remove_all(root, error);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  // Dates `path` and what it holds an hour back, out of the two seconds in which a change is too
  // recent to key.
  static void age(const fs::path& path) {
    const auto past = fs::file_time_type::clock::now() - std::chrono::hours(1);
    for (const auto& entry : fs::directory_iterator(path)) fs::last_write_time(entry.path(), past);
    fs::last_write_time(path, past);
  }
};

std::string json_of(const LoadResult& result) { return export_json(GraphView(result.graph)); }

}  // namespace

TEST_CASE("a second load of the same data reads the cache the first wrote, and loads the same graph") {
  const Scratch scratch;
  const std::string reference = json_of(load(scratch.data.string()));
  CacheUse use = CacheUse::bypassed;
  CHECK(json_of(load_cached(scratch.data.string(), {}, scratch.cache, &use)) == reference);
  CHECK(use == CacheUse::stored);
  const fs::path file = cache_file(scratch.cache, scratch.data.string(), {});
  CHECK(fs::is_regular_file(file));
  CHECK((fs::status(scratch.cache).permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
  const LoadResult hit = load_cached(scratch.data.string(), {}, scratch.cache, &use);
  CHECK(use == CacheUse::hit);
  CHECK(hit.graph.is_in_place());  // opened where it lies, not read back record by record
  CHECK(json_of(hit) == reference);
  // Other options are another cache file.
  LoadOptions other;
  other.default_type = EntityType::organization;
  CHECK(cache_file(scratch.cache, scratch.data.string(), other) != file);
  (void)load_cached(scratch.data.string(), other, scratch.cache, &use);
  CHECK(use == CacheUse::stored);
}

TEST_CASE("a touched, added or removed input file makes the cache stale") {
  const Scratch scratch;
  CacheUse use = CacheUse::bypassed;
  (void)load_cached(scratch.data.string(), {}, scratch.cache, &use);
  REQUIRE(use == CacheUse::stored);
  const fs::path first = *fs::directory_iterator(scratch.data);
  // Touched: a new modification time (an hour and a second ago, out of the two racy seconds).
  fs::last_write_time(first, fs::file_time_type::clock::now() - std::chrono::hours(1) + std::chrono::seconds(1));
  (void)load_cached(scratch.data.string(), {}, scratch.cache, &use);
  CHECK(use == CacheUse::stored);
  (void)load_cached(scratch.data.string(), {}, scratch.cache, &use);
  CHECK(use == CacheUse::hit);
  // Removed: the same graph less a file's facts, not the cached one.
  fs::rename(scratch.data / "familia_michoacana.json", scratch.root / "familia_michoacana.json");
  Scratch::age(scratch.data);
  const std::string without = json_of(load(scratch.data.string()));
  CHECK(json_of(load_cached(scratch.data.string(), {}, scratch.cache, &use)) == without);
  CHECK(use == CacheUse::stored);
  // Modified within the last two seconds: loaded, not cached (a change in the same clock tick
  // could keep its time).
  std::ofstream(scratch.data / "familia_michoacana.json.txt") << "not a fact file";
  (void)load_cached(scratch.data.string(), {}, scratch.cache, &use);
  CHECK(use == CacheUse::bypassed);
}

TEST_CASE("a corrupt cache file is ignored and replaced, and the data loaded as if there were none") {
  // Every chunk of a cache is verified when it is opened: a damaged byte anywhere in it, even in
  // a part no query of this data reads, is a cache not used.
  const Scratch scratch;
  const std::string reference = json_of(load(scratch.data.string()));
  CacheUse use = CacheUse::bypassed;
  (void)load_cached(scratch.data.string(), {}, scratch.cache, &use);
  const fs::path file = cache_file(scratch.cache, scratch.data.string(), {});
  for (const std::size_t at : {std::size_t{9}, std::size_t{200}, fs::file_size(file) / 2, fs::file_size(file) - 20}) {
    std::fstream stream(file, std::ios::in | std::ios::out | std::ios::binary);
    stream.seekp(static_cast<std::streamoff>(at));
    stream.put('\x5a');
    stream.close();
    CHECK(json_of(load_cached(scratch.data.string(), {}, scratch.cache, &use)) == reference);
    CHECK(use == CacheUse::stored);
  }
  fs::resize_file(file, 100);
  CHECK(json_of(load_cached(scratch.data.string(), {}, scratch.cache, &use)) == reference);
  CHECK(use == CacheUse::stored);
  CHECK(json_of(load_cached(scratch.data.string(), {}, scratch.cache, &use)) == reference);
  CHECK(use == CacheUse::hit);
}

TEST_CASE("a cache directory that cannot be written is left alone, and the data loaded") {
  if (::geteuid() == 0) return;  // root writes anywhere
  const Scratch scratch;
  const std::string reference = json_of(load(scratch.data.string()));
  fs::create_directories(scratch.cache);
  fs::permissions(scratch.cache, fs::perms::owner_read | fs::perms::owner_exec);
  CacheUse use = CacheUse::bypassed;
  CHECK(json_of(load_cached(scratch.data.string(), {}, scratch.cache, &use)) == reference);
  CHECK(use == CacheUse::unusable);
  CHECK(fs::is_empty(scratch.cache));
  // A file where the cache directory should be.
  const fs::path blocked = scratch.root / "blocked";
  std::ofstream(blocked) << "x";
  CHECK(json_of(load_cached(scratch.data.string(), {}, blocked / "cartelgraph", &use)) == reference);
  CHECK(use == CacheUse::unusable);
}

TEST_CASE("the built-in data, a compiled store and a failed load are not cached") {
  const Scratch scratch;
  CacheUse use = CacheUse::hit;
  (void)load_cached("", {}, scratch.cache, &use);
  CHECK(use == CacheUse::bypassed);
  (void)load_cached((scratch.root / "missing").string(), {}, scratch.cache, &use);
  CHECK(use == CacheUse::bypassed);
  std::ofstream(scratch.data / "broken.json") << "{";
  Scratch::age(scratch.data);
  const LoadResult broken = load_cached(scratch.data.string(), {}, scratch.cache, &use);
  CHECK_FALSE(broken.problems.empty());
  CHECK(use == CacheUse::bypassed);
  CHECK_FALSE(fs::exists(scratch.cache));
}

TEST_CASE("the cache directory follows XDG_CACHE_HOME, else HOME") {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  const std::string saved = xdg != nullptr ? xdg : "";
  ::setenv("XDG_CACHE_HOME", "/somewhere/cache", 1);
  CHECK(default_cache_directory() == fs::path("/somewhere/cache/cartelgraph"));
  ::setenv("XDG_CACHE_HOME", "relative/cache", 1);  // not absolute: ignored, as the spec says
  CHECK(default_cache_directory() == fs::path(std::getenv("HOME")) / ".cache/cartelgraph");
  if (xdg != nullptr) ::setenv("XDG_CACHE_HOME", saved.c_str(), 1);
  else ::unsetenv("XDG_CACHE_HOME");
}

}  // namespace cartelgraph
