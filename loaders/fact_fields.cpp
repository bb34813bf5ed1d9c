#include "cartelgraph/loaders/fact_fields.hpp"

#include <rapidjson/document.h>

#include <array>
#include <deque>
#include <string>
#include <vector>

#include "cartelgraph/loaders/builtin_data.hpp"

namespace cartelgraph {

namespace {

constexpr std::array<std::string_view, 5> record_names = {"file", "source", "entity", "relation", "citation"};

// The member names of every record, as the schema lists them.
struct MemberOrders {
  std::deque<std::string> storage;  // the names (a deque: views into it stay valid as it grows)
  std::array<std::vector<std::string_view>, record_names.size()> orders;
};

// The "properties" of `object` in document order, or nothing.
void read_properties(const rapidjson::Value& object, MemberOrders& out, std::vector<std::string_view>& order) {
  if (!object.IsObject() || !object.HasMember("properties") || !object["properties"].IsObject()) return;
  for (const auto& member : object["properties"].GetObject())
    order.push_back(out.storage.emplace_back(member.name.GetString(), member.name.GetStringLength()));
}

MemberOrders read_schema() {
  MemberOrders out;
  rapidjson::Document schema;
  const std::string_view text = builtin_schema();
  schema.Parse(text.data(), text.size());
  if (schema.HasParseError() || !schema.IsObject()) return out;
  read_properties(schema, out, out.orders[static_cast<std::size_t>(Record::file)]);
  if (!schema.HasMember("definitions") || !schema["definitions"].IsObject()) return out;
  const auto& definitions = schema["definitions"];
  for (std::size_t i = 1; i < record_names.size(); ++i) {
    const rapidjson::Value name(rapidjson::StringRef(record_names[i].data(), record_names[i].size()));
    if (const auto it = definitions.FindMember(name); it != definitions.MemberEnd())
      read_properties(it->value, out, out.orders[i]);
  }
  return out;
}

}  // namespace

template <>
std::span<const std::string_view> names<Record>() noexcept { return record_names; }

std::span<const std::string_view> member_order(Record record) {
  static const MemberOrders orders = read_schema();
  return orders.orders[static_cast<std::size_t>(record)];
}

}  // namespace cartelgraph
