#include "cartelgraph/loaders/load_cache.hpp"

#include <sys/stat.h>
#include <xxhash.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>
#include <vector>

#include "cartelgraph/exporters/compiled_store.hpp"
#include "cartelgraph/loaders/compiled_store.hpp"

namespace cartelgraph {

namespace {

namespace fs = std::filesystem;

// A line of the key: a file's identity, followed (stat, so through symbolic links).
struct Identity {
  bool ok = false;
  bool directory = false;
  std::string line;
  std::int64_t mtime_ns = 0;
};

std::int64_t nanoseconds(const struct timespec& time) {
  return static_cast<std::int64_t>(time.tv_sec) * 1'000'000'000 + time.tv_nsec;
}

Identity identify(const fs::path& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return {};
  Identity identity;
  identity.ok = true;
  identity.directory = S_ISDIR(status.st_mode);
  identity.mtime_ns = nanoseconds(status.st_mtim);
  identity.line = path.string() + '\t' + std::to_string(status.st_mode) + '\t' + std::to_string(status.st_size) + '\t' +
                  std::to_string(identity.mtime_ns) + '\t' + std::to_string(nanoseconds(status.st_ctim)) + '\t' +
                  std::to_string(status.st_ino) + '\t' + std::to_string(status.st_dev) + '\n';
  return identity;
}

// Every field of the options, each on its own line, lengths first so that none runs into another.
std::string options_text(const LoadOptions& options) {
  std::string text = "limits " + std::to_string(options.limits.max_file_bytes) + ' ' +
                     std::to_string(options.limits.max_entities) + ' ' + std::to_string(options.limits.max_relations) +
                     ' ' + std::to_string(options.limits.max_depth) + '\n';
  text += "defaults " + std::string(to_string(options.default_type)) + ' ' +
          std::string(to_string(options.default_kind)) + '\n';
  const CsvColumns& c = options.csv;
  for (const std::string* column :
       {&c.from, &c.to, &c.kind, &c.weight, &c.since, &c.until, &c.confidence, &c.id, &c.name, &c.type})
    text += "column " + std::to_string(column->size()) + ' ' + *column + '\n';
  return text;
}

// The data's absolute path, and the part of the key that does not depend on its files.
std::string data_text(std::string_view data, const LoadOptions& options) {
  std::error_code error;
  const fs::path absolute = fs::absolute(fs::path(data), error);
  return "cartelgraph load cache " + std::to_string(store::format_version) + '\n' + options_text(options) + "data " +
         (error ? std::string(data) : absolute.lexically_normal().string()) + '\n';
}

// The identities of the data's files: the data itself and, for a directory, each entry in it
// (the loaders read no deeper), sorted. False when one cannot be read or the data may name
// files elsewhere, or when one changed in the last two seconds.
bool input_identities(const fs::path& data, std::string& key) {
  const Identity top = identify(data);
  if (!top.ok) return false;
  std::vector<Identity> inputs{top};
  std::error_code error;
  if (top.directory) {
    std::vector<fs::path> entries;
    for (const auto& entry : fs::directory_iterator(data, error)) entries.push_back(entry.path());
    if (error) return false;
    std::sort(entries.begin(), entries.end());
    for (const auto& entry : entries) {
      inputs.push_back(identify(entry));
      if (!inputs.back().ok) return false;
    }
  } else if (fs::path mapping = fs::path(data).replace_extension(".mapping"); fs::exists(mapping, error) || error) {
    return false;  // a mapping file may name a node table anywhere
  }
  const auto now =
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  for (const Identity& input : inputs) {
    if (input.mtime_ns > now - 2'000'000'000) return false;
    key += input.line;
  }
  return true;
}

// This program's identity: a rebuilt cartelgraph (whose loaders may read data otherwise) keys
// every cache anew.
std::string program_text() {
  const Identity program = identify("/proc/self/exe");
  return "program " + (program.ok ? program.line : std::string("unknown\n"));
}

// The result kept in `file`, if it holds `key` and reads back without a problem.
std::optional<LoadResult> read_cache(const fs::path& file, const std::string& key, const LoadLimits& limits) {
  std::error_code error;
  if (!fs::exists(file, error)) return std::nullopt;
  try {
    CompiledStore store = CompiledStore::open(file, std::numeric_limits<std::size_t>::max());
    if (store_origin(store) != key) return std::nullopt;  // stale: the data or the program changed
    // Opened in place, every checksum verified now: a damaged cache is one not used, never a
    // query that fails halfway (the records' own values are checked as they are read, as in any
    // store; the cache is written by this program, in a directory only its owner reads).
    LoadResult result = open_verified_store(std::move(store), limits);
    if (!result.problems.empty()) return std::nullopt;
    return result;
  } catch (const LoadError&) {  // not a store, corrupt, unreadable
    return std::nullopt;
  }
}

// Writes the cache whole or not at all, in a directory only its owner can read (the data may
// hold confidential sources). False if it cannot.
bool write_cache(const fs::path& directory, const fs::path& file, const LoadResult& result, const std::string& key) {
  std::error_code error;
  fs::create_directories(directory.parent_path(), error);
  if (::mkdir(directory.c_str(), 0700) != 0 && errno != EEXIST) return false;
  try {
    write_store(file, result, key);
    return true;
  } catch (const std::exception&) {  // OutputError: unwritable, full, a file in the way
    return false;
  }
}

bool cacheable(std::string_view data) {
  return !data.empty() && data != builtin_data_name && !is_compiled_store(fs::path(data));
}

}  // namespace

fs::path default_cache_directory() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && fs::path(xdg).is_absolute())
    return fs::path(xdg) / "cartelgraph";
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
    return fs::path(home) / ".cache" / "cartelgraph";
  return {};
}

std::string cache_key(std::string_view data, const LoadOptions& options) {
  if (!cacheable(data)) return {};
  std::string key = program_text() + data_text(data, options);
  if (!input_identities(fs::path(data), key)) return {};
  return key;
}

fs::path cache_file(const fs::path& directory, std::string_view data, const LoadOptions& options) {
  const std::string text = data_text(data, options);
  const XXH128_hash_t hash = XXH3_128bits(text.data(), text.size());
  char name[40];
  std::snprintf(name, sizeof name, "%016llx%016llx", static_cast<unsigned long long>(hash.high64),
                static_cast<unsigned long long>(hash.low64));
  return directory / (std::string(name) + ".cgdb");
}

LoadResult load_cached(std::string_view data, const LoadOptions& options, const fs::path& directory, CacheUse* use) {
  CacheUse ignored = CacheUse::bypassed;
  CacheUse& how = use != nullptr ? *use : ignored;
  how = CacheUse::bypassed;
  const std::string key = directory.empty() ? std::string() : cache_key(data, options);
  if (key.empty()) return load(data, options);
  const fs::path file = cache_file(directory, data, options);
  if (auto cached = read_cache(file, key, options.limits)) {
    how = CacheUse::hit;
    return std::move(*cached);
  }
  LoadResult result = load(data, options);
  if (!result.problems.empty()) return result;
  how = write_cache(directory, file, result, key) ? CacheUse::stored : CacheUse::unusable;
  return result;
}

}  // namespace cartelgraph
