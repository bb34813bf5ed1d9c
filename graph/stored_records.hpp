#pragma once
// StoredRecords: where a KnowledgeGraph opened in place (from a compiled store, loaders/
// compiled_store.hpp) reads its entities, relations and indexes, record by record, when they are
// first asked for. The graph layer defines it and the loader implements it, so that data still
// flows one way (loaders → graph).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string_view>

#include "cartelgraph/graph/entity.hpp"
#include "cartelgraph/graph/relation.hpp"

namespace cartelgraph {

/// What a normalized name key and the entities it names are handed to (for_each_name).
using NameVisitor = std::function<void(std::string_view key, std::span<const std::uint32_t> entities)>;

/// The records of a graph kept outside it. Every member is safe to call from several threads; a
/// record that turns out to be damaged throws LoadError (loaders/problem.hpp) when it is read.
class StoredRecords {
 public:
  StoredRecords() = default;
  StoredRecords(const StoredRecords&) = delete;
  StoredRecords& operator=(const StoredRecords&) = delete;
  virtual ~StoredRecords() = default;

  /// Entities first, first + 1, … into `out` (one per element).
  virtual void read_entities(std::size_t first, std::span<Entity> out) const = 0;
  /// Relations first, first + 1, … into `out`.
  virtual void read_relations(std::size_t first, std::span<Relation> out) const = 0;
  /// The entity whose id is `id`, if any.
  [[nodiscard]] virtual std::optional<std::size_t> find(std::string_view id) const = 0;
  /// The entities whose normalize_name() key is `key`, in vertex order.
  [[nodiscard]] virtual std::span<const std::uint32_t> named(std::string_view key) const = 0;
  /// Every normalized name key with its entities, by key.
  virtual void for_each_name(const NameVisitor& visit) const = 0;

 protected:
  StoredRecords(StoredRecords&&) = default;
  StoredRecords& operator=(StoredRecords&&) = default;
};

}  // namespace cartelgraph
