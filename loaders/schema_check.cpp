#include "cartelgraph/loaders/schema_check.hpp"

#include <rapidjson/error/en.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <map>
#include <mutex>
#include <stdexcept>

#include "cartelgraph/loaders/json_positions.hpp"

namespace cartelgraph::detail {

struct SchemaCheck::ItemSchema {
  std::string property;  // top-level member holding the array
  rapidjson::Document document;
  std::unique_ptr<rapidjson::SchemaDocument> schema;
};

namespace {

// A number to `handler`, as Value::Accept gives it.
template <class Handler>
bool accept_number(const rapidjson::Value& value, Handler& handler) {
  if (value.IsDouble()) return handler.Double(value.GetDouble());
  if (value.IsInt()) return handler.Int(value.GetInt());
  if (value.IsUint()) return handler.Uint(value.GetUint());
  if (value.IsInt64()) return handler.Int64(value.GetInt64());
  return handler.Uint64(value.GetUint64());
}

// A scalar, or the start of a container, to `handler`.
template <class Handler>
bool accept_start(const rapidjson::Value& value, Handler& handler) {
  switch (value.GetType()) {
    case rapidjson::kNullType: return handler.Null();
    case rapidjson::kFalseType: return handler.Bool(false);
    case rapidjson::kTrueType: return handler.Bool(true);
    case rapidjson::kObjectType: return handler.StartObject();
    case rapidjson::kArrayType: return handler.StartArray();
    case rapidjson::kStringType: return handler.String(value.GetString(), value.GetStringLength(), false);
    case rapidjson::kNumberType: return accept_number(value, handler);
  }
  return false;
}

// `value` to `handler` as SAX events, as Value::Accept gives them, but with a stack of its own
// instead of a call per level: a value nested 100,000 deep (with --max-depth raised) must not
// overflow the call stack. With `elements_as_null`, the elements of the root's arrays are given
// as null. False as soon as the handler returns false.
template <class Handler>
bool accept(const rapidjson::Value& value, Handler& handler, bool elements_as_null = false) {
  struct Open {
    const rapidjson::Value* container;
    rapidjson::SizeType next = 0;  // the next member or element
  };
  std::vector<Open> open;
  for (const rapidjson::Value* current = &value;;) {
    if (current) {
      if (!accept_start(*current, handler)) return false;
      if (current->IsObject() || current->IsArray()) open.push_back({current});
      current = nullptr;
    }
    if (open.empty()) return true;
    Open& top = open.back();
    const bool object = top.container->IsObject();
    const rapidjson::SizeType size = object ? top.container->MemberCount() : top.container->Size();
    if (top.next == size) {
      if (!(object ? handler.EndObject(size) : handler.EndArray(size))) return false;
      open.pop_back();
    } else if (object) {
      const auto& member = top.container->MemberBegin()[top.next++];
      if (!handler.Key(member.name.GetString(), member.name.GetStringLength(), false)) return false;
      current = &member.value;
    } else if (elements_as_null && open.size() == 2) {
      ++top.next;
      if (!handler.Null()) return false;
    } else {
      current = &(*top.container)[top.next++];
    }
  }
}

std::string to_json(const rapidjson::Value& value) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  accept(value, writer);
  std::string text = buffer.GetString();
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

std::string pointer_text(const rapidjson::Pointer& pointer) {
  rapidjson::StringBuffer buffer;
  pointer.Stringify(buffer);
  return buffer.GetString();
}

// The last token of a JSON Pointer, unescaped ("~1" is '/', "~0" is '~').
std::string last_token(std::string_view pointer) {
  const auto slash = pointer.rfind('/');
  const std::string_view token = slash == std::string_view::npos ? pointer : pointer.substr(slash + 1);
  std::string text;
  for (std::size_t i = 0; i < token.size(); ++i) {
    const bool escape = token[i] == '~' && i + 1 < token.size();
    text += escape ? (token[i + 1] == '1' ? '/' : '~') : token[i];
    i += escape ? 1 : 0;
  }
  return text;
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

const SchemaCheck& SchemaCheck::compiled(std::string_view schema_text) {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<SchemaCheck>, std::less<>> checks;
  const std::scoped_lock lock(mutex);
  auto found = checks.find(schema_text);
  if (found == checks.end())
    found = checks.emplace(std::string(schema_text), std::make_unique<SchemaCheck>(schema_text)).first;
  return *found->second;
}

std::vector<SchemaViolation> SchemaCheck::check(const rapidjson::Value& document) const {
  std::vector<SchemaViolation> violations;
  {
    // The items, unchecked here, go as nulls: RapidJSON's validator visits every open level at
    // each event, and a deep item would take time in the square of its depth.
    rapidjson::SchemaValidator validator(*top_level_);
    if (!accept(document, validator, true)) {
      violations.push_back(describe(validator, top_level_document_, document, ""));
      return violations;  // items of a malformed top level are not worth checking
    }
  }
  for (const auto& item : items_) {
    if (!document.HasMember(item->property.c_str())) continue;
    const auto& array = document[item->property.c_str()];
    for (rapidjson::SizeType i = 0; i < array.Size(); ++i) {
      rapidjson::SchemaValidator validator(*item->schema);
      if (!accept(array[i], validator))
        violations.push_back(describe(validator, item->document, array[i],
                                      '/' + escape_pointer_token(item->property) + '/' +
                                          std::to_string(i)));
    }
  }
  return violations;
}

}  // namespace cartelgraph::detail
