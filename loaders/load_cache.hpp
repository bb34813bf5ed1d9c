#pragma once
// The load cache: what `load` makes of a dataset kept as a compiled store (loaders/compiled_store.hpp)
// under the user's cache directory, so that the next command on the same data opens it instead
// of parsing and validating it again.

#include <filesystem>
#include <string>
#include <string_view>

#include "cartelgraph/loaders/load.hpp"

namespace cartelgraph {

/// What load_cached did with the cache.
enum class CacheUse : unsigned char {
  bypassed,  ///< not cached: the built-in facts, a compiled store, a failed load, an input that
             ///< cannot be keyed (a CSV with a mapping file, which may name files anywhere) or
             ///< one modified in the last two seconds (its next change might keep its time)
  hit,       ///< read from the cache
  stored,    ///< loaded, and the cache written
  unusable,  ///< loaded; the cache could not be read (corrupt) or written, and was left alone
};

/// $XDG_CACHE_HOME/cartelgraph, else $HOME/.cache/cartelgraph (an XDG_CACHE_HOME that is not
/// absolute is ignored, as the XDG spec says); empty when neither is set.
[[nodiscard]] std::filesystem::path default_cache_directory();

/// The key `data` is cached under with `options`: this program (its size, modification time
/// and inode), the options, the data's absolute path, and the path, size, modification and
/// change times and inode of the data and, for a directory, of each entry in it. Empty when
/// `data` cannot be cached (see CacheUse::bypassed).
[[nodiscard]] std::string cache_key(std::string_view data, const LoadOptions& options);

/// The cache file `data` with `options` is kept in, under `directory`: one per data path and
/// options (a change of the files replaces it).
[[nodiscard]] std::filesystem::path cache_file(const std::filesystem::path& directory, std::string_view data,
                                               const LoadOptions& options);

/// The result of load(data, options), read from the cache in `directory` when it holds this
/// data with this key, else loaded and (when it loads without problems) written there, whole
/// or not at all. A cache that cannot be read, is stale or corrupt, or cannot be written never
/// fails the load nor changes its result: the data is loaded instead. `use` says which happened.
[[nodiscard]] LoadResult load_cached(std::string_view data, const LoadOptions& options,
                                     const std::filesystem::path& directory, CacheUse* use = nullptr);

}  // namespace cartelgraph
