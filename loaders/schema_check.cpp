#include "cartelgraph/loaders/schema_check.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <stdexcept>

#include "cartelgraph/loaders/json_positions.hpp"

namespace cartelgraph::detail {

struct SchemaCheck::ItemSchema {
  std::string property;  // top-level member holding the array
  rapidjson::Document document;
  std::unique_ptr<rapidjson::SchemaDocument> schema;
};

namespace {

std::string to_json(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  value.Accept(writer);
  std::string text = buffer.GetString();
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

std::string pointer_text(const rapidjson::Pointer& pointer) {
  rapidjson::StringBuffer buffer;
  pointer.Stringify(buffer);
  return buffer.GetString();
}

std::string last_token(std::string_view pointer) {
  const auto slash = pointer.rfind('/');
  return std::string(slash == std::string_view::npos ? pointer : pointer.substr(slash + 1));
}

// Words for what RapidJSON's validator reports as a schema keyword and two pointers.
SchemaViolation describe(const rapidjson::SchemaValidator& validator,
                         const rapidjson::Value& schema_root, const rapidjson::Value& document,
                         const std::string& prefix) {
  const std::string keyword = validator.GetInvalidSchemaKeyword();
  const std::string where = pointer_text(validator.GetInvalidDocumentPointer());
  const rapidjson::Value* rule = validator.GetInvalidSchemaPointer().Get(schema_root);
  const rapidjson::Value* value = validator.GetInvalidDocumentPointer().Get(document);
  SchemaViolation violation{prefix + where, {}};
  const std::string member = last_token(where);
  const std::string subject = member.empty() ? "the file" : "'" + member + "'";

  if (keyword == "required" && rule && value && value->IsObject()) {
    std::string missing;
    for (const auto& name : (*rule)["required"].GetArray())
      if (!value->HasMember(name))
        missing += (missing.empty() ? "'" : ", '") + std::string(name.GetString()) + "'";
    violation.message = "missing required member " + missing;
  } else if (keyword == "additionalProperties") {
    violation.message = "unknown member " + subject;
  } else if (keyword == "enum" && rule) {
    std::string allowed;
    for (const auto& option : (*rule)["enum"].GetArray())
      allowed += (allowed.empty() ? "" : ", ") + to_json(option);
    violation.message =
        subject + " is " + (value ? to_json(*value) : "invalid") + ", expected one of " + allowed;
  } else if (rule && rule->HasMember("description") && value) {
    violation.message = subject + " is " + to_json(*value) + ", expected " +
                        (*rule)["description"].GetString();
  } else if (keyword == "type" && rule) {
    std::string expected = to_json((*rule)["type"]);
    violation.message = subject + " has the wrong type, expected " + expected;
  } else if (keyword == "minItems") {
    violation.message = subject + " must not be empty";
  } else {
    violation.message = subject + " breaks the schema rule '" + keyword + "'";
  }
  return violation;
}

}  // namespace

SchemaCheck::SchemaCheck(std::string_view schema_text) {
  schema_.Parse(schema_text.data(), schema_text.size());
  if (schema_.HasParseError() || !schema_.IsObject())
    throw std::invalid_argument(std::string("schema is not valid JSON: ") +
                                rapidjson::GetParseError_En(schema_.GetParseError()));
  whole_ = std::make_unique<rapidjson::SchemaDocument>(schema_);

  // The top level, with the items of each top-level array left unchecked (checked one by one).
  rapidjson::Document top;
  top.CopyFrom(schema_, top.GetAllocator());
  if (top.HasMember("properties")) {
    for (auto& property : top["properties"].GetObject()) {
      if (!property.value.IsObject() || !property.value.HasMember("items")) continue;
      auto item = std::make_unique<ItemSchema>();
      item->property = property.name.GetString();
      item->document.CopyFrom(schema_, item->document.GetAllocator());
      item->document.RemoveMember("properties");
      item->document.RemoveMember("required");
      item->document.RemoveMember("additionalProperties");
      item->document.RemoveMember("type");
      item->document.RemoveMember("title");
      item->document.RemoveMember("description");
      rapidjson::Value items(property.value["items"], item->document.GetAllocator());
      for (auto& rule : items.GetObject())
        item->document.AddMember(rapidjson::Value(rule.name, item->document.GetAllocator()),
                                 rapidjson::Value(rule.value, item->document.GetAllocator()),
                                 item->document.GetAllocator());
      item->schema = std::make_unique<rapidjson::SchemaDocument>(item->document);
      items_.push_back(std::move(item));
      property.value["items"].SetObject();
    }
  }
  top_level_document_.Swap(top);
  top_level_ = std::make_unique<rapidjson::SchemaDocument>(top_level_document_);
}

SchemaCheck::~SchemaCheck() = default;

std::vector<SchemaViolation> SchemaCheck::check(const rapidjson::Value& document) const {
  std::vector<SchemaViolation> violations;
  {
    rapidjson::SchemaValidator validator(*top_level_);
    if (!document.Accept(validator)) {
      violations.push_back(describe(validator, top_level_document_, document, ""));
      return violations;  // items of a malformed top level are not worth checking
    }
  }
  for (const auto& item : items_) {
    if (!document.HasMember(item->property.c_str())) continue;
    const auto& array = document[item->property.c_str()];
    for (rapidjson::SizeType i = 0; i < array.Size(); ++i) {
      rapidjson::SchemaValidator validator(*item->schema);
      if (!array[i].Accept(validator))
        violations.push_back(describe(validator, item->document, array[i],
                                      '/' + escape_pointer_token(item->property) + '/' +
                                          std::to_string(i)));
    }
  }
  return violations;
}

}  // namespace cartelgraph::detail
