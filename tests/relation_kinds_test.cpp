#include <doctest/doctest.h>

#include <set>
#include <string>

#include "cartelgraph/graph/relation_kinds.hpp"
#include "cartelgraph/loaders/type_list.hpp"
#include "cartelgraph/render/kind_style.hpp"

using namespace cartelgraph;

TEST_CASE("the kind table is indexed by RelationKind and names are unique") {
  std::set<std::string_view> names;
  std::size_t index = 0;
  for (const auto& row : relation_kinds()) {
    CHECK(static_cast<std::size_t>(row.kind) == index++);
    CHECK(names.insert(row.name).second);
    CHECK(parse_relation_kind(row.name) == row.kind);
    CHECK(row.from.any());
    CHECK(row.to.any());
  }
  CHECK(index == relation_kind_count);
  CHECK_FALSE(parse_relation_kind("friend_of"));
}

TEST_CASE("alignment kinds carry the signs of the signed network") {
  CHECK(kind_info(RelationKind::allied_with).sign == +1);
  CHECK(kind_info(RelationKind::aligned_with).sign == +1);
  CHECK(kind_info(RelationKind::rival_of).sign == -1);
  CHECK(kind_info(RelationKind::member_of).sign == 0);
}

TEST_CASE("symmetric kinds allow the same types at both ends") {
  for (const auto& row : relation_kinds()) {
    if (!row.symmetric) continue;
    CAPTURE(row.name);
    CHECK(row.from.to_ulong() == row.to.to_ulong());
  }
  CHECK(kind_info(RelationKind::spouse_of).symmetric);
  CHECK_FALSE(kind_info(RelationKind::parent_of).symmetric);
}

TEST_CASE("endpoint types are enforced per kind") {
  CHECK(allows(RelationKind::leads, EntityType::person, EntityType::faction));
  CHECK_FALSE(allows(RelationKind::leads, EntityType::person, EntityType::place));
  CHECK_FALSE(allows(RelationKind::leads, EntityType::place, EntityType::faction));
  CHECK(allows(RelationKind::sanctioned_by, EntityType::business, EntityType::agency));
  CHECK(allows(RelationKind::occurred_in, EntityType::event, EntityType::place));
}

TEST_CASE("loader messages name the types a kind links in words") {
  CHECK(describe(kind_info(RelationKind::leads).to) == "organization or faction");
  CHECK(describe(kind_info(RelationKind::attacked).to) == "any type");
  CHECK(describe(kind_info(RelationKind::arrested_by).from) == "organization, faction, person or business");
  CHECK(describe(type_set(EntityType::place)) == "place");
}

TEST_CASE("every kind belongs to the layer of its meaning") {
  using enum RelationKind;
  const std::set<RelationKind> state = {part_of,     official_of,   cooperates_with,   arrested_by,
                                        charged_by,  sanctioned_by, pleaded_guilty_in, convicted_by,
                                        released_by, sought_by,     extradited_to,     imprisoned_in};
  const std::set<RelationKind> territory = {operates_in, contests, located_in};
  const std::set<RelationKind> events = {perpetrated, target_of,    victim_of, organized,
                                         attended,    investigated, conducted, occurred_in};
  for (const auto& row : relation_kinds()) {
    CAPTURE(row.name);
    const Layer expected = state.contains(row.kind)       ? Layer::state
                           : territory.contains(row.kind) ? Layer::territory
                           : events.contains(row.kind)    ? Layer::events
                                                          : Layer::criminal;
    CHECK(row.layer == expected);
  }
}

TEST_CASE("every entity type belongs to one layer") {
  CHECK(layer_of(EntityType::organization) == Layer::criminal);
  CHECK(layer_of(EntityType::faction) == Layer::criminal);
  CHECK(layer_of(EntityType::person) == Layer::criminal);
  CHECK(layer_of(EntityType::business) == Layer::criminal);
  CHECK(layer_of(EntityType::agency) == Layer::state);
  CHECK(layer_of(EntityType::place) == Layer::territory);
  CHECK(layer_of(EntityType::event) == Layer::events);
}

TEST_CASE("criminal-layer kinds link criminal-layer types at least one way") {
  for (const auto& row : relation_kinds()) {
    if (row.layer != Layer::criminal) continue;
    CAPTURE(row.name);
    for (const auto type : all_entity_types)
      if (row.from.test(static_cast<std::size_t>(type)) && row.to.test(static_cast<std::size_t>(type)))
        CHECK(layer_of(type) == Layer::criminal);
  }
}

TEST_CASE("hierarchy kinds are the group-inside-group structure kinds") {
  std::set<RelationKind> hierarchy;
  for (const auto& row : relation_kinds())
    if (row.hierarchy) hierarchy.insert(row.kind);
  CHECK(hierarchy == std::set<RelationKind>{RelationKind::faction_of, RelationKind::armed_wing_of,
                                            RelationKind::support_network_of, RelationKind::offshoot_of});
  for (const RelationKind kind : hierarchy) {
    CHECK(kind_info(kind).category == KindCategory::structure);
    CHECK(kind_info(kind).sign == 0);
  }
}

TEST_CASE("an offshoot is the one hierarchy kind whose group has left its parent") {
  for (const auto& row : relation_kinds()) {
    CAPTURE(row.name);
    CHECK(stays_inside(row.kind) == (row.hierarchy && row.kind != RelationKind::offshoot_of));
  }
  CHECK(stays_inside(RelationKind::faction_of));
  CHECK_FALSE(stays_inside(RelationKind::offshoot_of));
  CHECK_FALSE(stays_inside(RelationKind::member_of));
}

TEST_CASE("membership is a person's tie to a group") {
  std::set<RelationKind> membership;
  for (const auto& row : relation_kinds())
    if (is_membership(row.kind)) membership.insert(row.kind);
  CHECK(membership == std::set<RelationKind>{RelationKind::member_of, RelationKind::leads});
}

TEST_CASE("every kind has a label, a family colour and an arrowhead for render") {
  REQUIRE(kind_styles().size() == relation_kind_count);
  std::set<std::string_view> labels;
  for (const auto& row : relation_kinds()) {
    CAPTURE(row.name);
    const KindStyle& look = kind_style(row.kind);
    CHECK(look.kind == row.kind);
    CHECK(labels.insert(look.label).second);
    CHECK(kind_color(row.kind).starts_with("#"));
    CHECK_FALSE(look.arrowhead.empty());
    // A hostile kind is never drawn in a friendly kind's colour.
    if (row.sign < 0) CHECK(kind_family(row.kind) == KindFamily::hostility);
    if (row.sign > 0) CHECK(kind_color(row.kind) != family_color(KindFamily::hostility));
    CHECK(kind_label(row.kind) == look.label);
  }
  CHECK(kind_label(RelationKind::member_of) == "member of");
  CHECK(kind_label(RelationKind::launders_for) == "launders money for");
}

TEST_CASE("an event's participants have roles that read as sentences, from → event") {
  using enum RelationKind;
  for (const RelationKind role : {perpetrated, target_of, victim_of, organized, attended, investigated, conducted}) {
    CAPTURE(to_string(role));
    const KindInfo& row = kind_info(role);
    CHECK(describe(row.to) == "event");
    CHECK(describe(row.from) == "any type");
    CHECK_FALSE(row.symmetric);
    CHECK(row.sign == 0);
  }
  CHECK_FALSE(parse_relation_kind("participated_in"));
  CHECK(kind_label(perpetrated) == "perpetrated");
  CHECK(kind_label(target_of) == "was the target of");
  CHECK(kind_label(victim_of) == "was a victim of");
  CHECK(kind_color(attacked) == kind_color(rival_of));
}
