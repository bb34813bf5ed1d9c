#include "cli/json_output.hpp"

#include <cstdio>

namespace cartelgraph::cli {

JsonDocument::JsonDocument() : writer_(buffer_) { writer_.SetIndent(' ', 2); }

void JsonDocument::key(std::string_view name) {
  writer_.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
}

void JsonDocument::string(std::string_view value) {
  writer_.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void JsonDocument::date(const std::optional<Date>& value) {
  if (value) string(value->to_string());
  else writer_.Null();
}

void JsonDocument::citations(const std::vector<Citation>& citations) {
  writer_.StartArray();
  for (const auto& citation : citations) {
    writer_.StartObject();
    key("source");
    string(citation.source);
    key("section");
    string(citation.section);
    key("note");
    string(citation.note);
    writer_.EndObject();
  }
  writer_.EndArray();
}

void JsonDocument::print() const {
  std::fwrite(buffer_.GetString(), 1, buffer_.GetSize(), stdout);
  std::fputc('\n', stdout);
}

}  // namespace cartelgraph::cli
