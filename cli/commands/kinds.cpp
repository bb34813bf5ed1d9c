#include <cstdio>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/graph/relation_kinds.hpp"
#include "cartelgraph/render/kind_style.hpp"

namespace cartelgraph::cli {

namespace {

const CommandHelp help = {"kinds", "The relation vocabulary: direction, endpoint types, layer, sign, hierarchy",
                          "cartelgraph kinds --format json"};

// The entity types of `types`, as names.
std::vector<std::string> type_names(TypeSet types) {
  std::vector<std::string> names;
  for (const auto type : all_entity_types)
    if (types.test(static_cast<std::size_t>(type))) names.emplace_back(to_string(type));
  return names;
}

void write_json(JsonWriter& json, std::span<const KindInfo> kinds) {
  json.begin_object();
  json.array_member("kinds", kinds, [&](const KindInfo& info) {
    json.begin_object();
    json.member("name", info.name);
    json.member("label", kind_label(info.kind));
    json.member("category", to_string(info.category));
    json.member("layer", to_string(info.layer));
    json.member("symmetric", info.symmetric);
    json.member("sign", info.sign);
    json.member("hierarchy", info.hierarchy);
    json.key("from");
    json.strings(type_names(info.from));
    json.key("to");
    json.strings(type_names(info.to));
    json.end_object();
  });
  json.end_object();
}

// "+", "−" or "" for the signed network.
const char* sign_mark(int sign) { return sign > 0 ? "+" : sign < 0 ? "−" : ""; }

// "organization|faction", or "any".
std::string type_list(TypeSet types) {
  if (types.all()) return "any";
  std::string text;
  for (const auto& name : type_names(types)) text += (text.empty() ? "" : "|") + name;
  return text;
}

void write_text(std::span<const KindInfo> kinds) {
  std::printf("%s %s %s %s %s\n", pad("kind", 20).c_str(), pad("layer", 10).c_str(), pad("sign", 4).c_str(),
              pad("from → to", 52).c_str(), "reads");
  for (const KindInfo& info : kinds) {
    const std::string ends = type_list(info.from) + (info.symmetric ? " — " : " → ") + type_list(info.to);
    std::printf("%s %s %s %s A %s B%s\n", pad(info.name, 20).c_str(), pad(to_string(info.layer), 10).c_str(),
                pad(sign_mark(info.sign), 4).c_str(), pad(ends, 52).c_str(), std::string(kind_label(info.kind)).c_str(),
                info.hierarchy ? " (hierarchy: A belongs to B)" : "");
  }
}

int run_kinds(const Context& context, const NoOptions&) {
  return answer(context, write_json, write_text, relation_kinds());
}

}  // namespace

void setup_kinds(CLI::App& app, Context& context) { add_command(app, context, help, run_kinds); }

}  // namespace cartelgraph::cli
