#pragma once
// Entity types in words, for the loaders' messages about what a relation kind links.

#include <string>

#include "cartelgraph/graph/relation_kinds.hpp"

namespace cartelgraph {

/// A readable list of the type names in `types`, in declaration order: "organization or
/// faction", "person, organization or faction"; "any type" when it holds every type. Allocates.
[[nodiscard]] std::string describe(TypeSet types);

}  // namespace cartelgraph
