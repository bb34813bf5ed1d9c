#pragma once
// The one table of relation kinds: loaders check against it, queries and render read it. It
// holds what a kind means (direction, endpoint types, layer, sign, hierarchy); how a kind is
// shown (English label, colour, line style) lives in render/kind_style.hpp.

#include <bitset>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "cartelgraph/graph/entity.hpp"
#include "cartelgraph/graph/enum_names.hpp"

namespace cartelgraph {

/// Every relation kind; the order is the order of the table in relation_kinds.cpp.
enum class RelationKind : unsigned char {
  member_of, leads, faction_of, armed_wing_of, support_network_of, offshoot_of, part_of,
  allied_with, rival_of, aligned_with,
  parent_of, spouse_of, sibling_of, relative_of,
  associate_of, works_for, official_of, cooperates_with,
  operates_in, contests, located_in,
  arrested_by, charged_by, sanctioned_by, pleaded_guilty_in, convicted_by, released_by, sought_by,
  extradited_to, imprisoned_in,
  owns, officer_of, launders_for,
  attacked,
  perpetrated, target_of, victim_of, organized, attended, investigated, conducted, occurred_in,
};

/// Number of relation kinds.
inline constexpr std::size_t relation_kind_count =
    static_cast<std::size_t>(RelationKind::occurred_in) + 1;

/// What a kind is about; groups kinds in listings and diagrams.
enum class KindCategory : unsigned char {
  structure, alignment, family, association, territory, state_action, business, violence, events
};

/// Which part of the world a kind or an entity type belongs to. criminal: people, groups,
/// businesses and the structure, alignment, family, association, business and violence ties
/// among them; state: agencies and their actions; territory: places and ties to them; events.
enum class Layer : unsigned char { criminal, state, territory, events };

/// The layer of an entity type: organization, faction, person, business → criminal; agency →
/// state; place → territory; event → events.
[[nodiscard]] Layer layer_of(EntityType type) noexcept;

/// A set of entity types, one bit per EntityType.
using TypeSet = std::bitset<all_entity_types.size()>;
/// A set of relation kinds, one bit per RelationKind.
using KindSet = std::bitset<relation_kind_count>;

/// The set holding only `type`.
[[nodiscard]] TypeSet type_set(EntityType type) noexcept;

/// One row of the kind table.
struct KindInfo {
  RelationKind kind;
  std::string_view name;      // as written in fact files
  KindCategory category;
  Layer layer;
  bool symmetric;             // no direction: (a, b) and (b, a) are the same tie
  int sign;                   // +1 friendly, -1 hostile, 0 neither (signed network)
  bool hierarchy;             // places the `from` group inside or under the `to` group
  TypeSet from;               // allowed types of the `from` entity
  TypeSet to;                 // allowed types of the `to` entity
};

/// The whole table, indexed by RelationKind.
[[nodiscard]] std::span<const KindInfo> relation_kinds() noexcept;
/// The row of `kind`.
[[nodiscard]] const KindInfo& kind_info(RelationKind kind) noexcept;
/// The kind named `name`, or nullopt if there is none.
[[nodiscard]] std::optional<RelationKind> parse_relation_kind(std::string_view name) noexcept;
/// The kind's name as written in fact files.
[[nodiscard]] std::string_view to_string(RelationKind kind) noexcept;
/// The category's name (`structure`, `state_action`, …).
[[nodiscard]] std::string_view to_string(KindCategory category) noexcept;
/// The layer's name (`criminal`, `state`, `territory`, `events`).
[[nodiscard]] std::string_view to_string(Layer layer) noexcept;
/// True if the kind allows a tie from an entity of type `from` to one of type `to`.
[[nodiscard]] bool allows(RelationKind kind, EntityType from, EntityType to) noexcept;
/// True for the ties of a person to a group they belong to (member_of, leads): the criminal
/// layer's structure kinds that are not hierarchy.
[[nodiscard]] bool is_membership(RelationKind kind) noexcept;

/// True for the hierarchy kinds whose `from` group is still part of the `to` group
/// (faction_of, armed_wing_of, support_network_of); an offshoot (offshoot_of) has split away.
[[nodiscard]] bool stays_inside(RelationKind kind) noexcept;

/// The kinds' names as written in fact files, in table order.
template <>
[[nodiscard]] std::span<const std::string_view> names<RelationKind>() noexcept;
/// `structure`, `alignment`, … in declaration order.
template <>
[[nodiscard]] std::span<const std::string_view> names<KindCategory>() noexcept;
/// `criminal`, `state`, `territory`, `events`.
template <>
[[nodiscard]] std::span<const std::string_view> names<Layer>() noexcept;

}  // namespace cartelgraph
