#pragma once
// The built-in facts as a compiled store (loaders/compiled_store.hpp), checked and compiled at
// build time by cli/embed_builtin_store.cpp and embedded in the program, so that a command on the
// built-in data starts without parsing or validating JSON.

#include <span>

namespace cartelgraph::cli {

/// The embedded store's bytes, 8-byte aligned (generated/builtin_store.cpp in the build tree).
[[nodiscard]] std::span<const unsigned char> builtin_store() noexcept;

}  // namespace cartelgraph::cli
