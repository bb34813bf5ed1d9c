#pragma once
// Merged datasets: `--data` given several times (`+builtin` naming the built-in facts) loads
// each input on its own, then joins them into one graph.

#include <string>
#include <vector>

#include "cartelgraph/loaders/fact_loader.hpp"

namespace cartelgraph {

/// One loaded input and the name it was given by (the `--data` argument).
struct Dataset {
  std::string name;
  LoadResult result;
};

/// The union of `datasets`, in order. Problems, notes and warnings of every input are kept; the
/// graph is built only if there is no problem in any input and none in the merge. Each later
/// entity is merged into an earlier one with the same id, else, where no id matches, into the one
/// entity its name or known-as name resolves to (normalize_name, as the CLI resolves names): a
/// call list says "El Mencho", not an id. A merged entity keeps the earlier one's id, name and
/// type, gains the later one's aliases and citations; an entity whose type its input did not give
/// (LoadResult::untyped) takes the earlier type without a conflict. Problems, each naming both
/// places: two different types for one entity, a name that resolves to several earlier entities,
/// one source id with two different records, a relation whose kind does not allow the merged
/// entities' types. Storylines keep their ids (a taken one gets the dataset's position appended:
/// `calls-2`) and record their dataset, so every fact says where it came from. A single dataset
/// is returned as it is. O((V + E) log V) over all inputs.
[[nodiscard]] LoadResult merge_datasets(std::vector<Dataset> datasets);

}  // namespace cartelgraph
