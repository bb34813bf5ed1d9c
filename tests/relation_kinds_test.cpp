#include <doctest/doctest.h>

#include <set>
#include <string>

#include "cartelgraph/graph/relation_kinds.hpp"

using namespace cartelgraph;

TEST_CASE("the kind table is indexed by RelationKind and names are unique") {
  std::set<std::string_view> names;
  std::size_t index = 0;
  for (const auto& row : relation_kinds()) {
    CHECK(static_cast<std::size_t>(row.kind) == index++);
    CHECK(names.insert(row.name).second);
    CHECK(parse_relation_kind(row.name) == row.kind);
    CHECK_FALSE(row.label.empty());
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
  CHECK(describe(kind_info(RelationKind::leads).to) == "organization or faction");
  CHECK(describe(kind_info(RelationKind::attacked).to) == "any type");
}
