#pragma once
// Structure checks of fact files against seeds/schema.json, through RapidJSON's validator.

#include <rapidjson/document.h>
#include <rapidjson/schema.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cartelgraph::detail {

/// A place in a document where it breaks the schema, and what is wrong, in words.
struct SchemaViolation {
  std::string pointer;  // JSON Pointer into the checked document
  std::string message;
};

/// The fact-file schema, ready to check documents.
class SchemaCheck {
 public:
  /// Compiles the schema text. Throws std::invalid_argument if it is not valid JSON.
  explicit SchemaCheck(std::string_view schema_text);

  /// The schema `schema_text` compiled, once per process and text: compiling takes far longer
  /// than checking a small file (compiled on every load, the fuzzer ran 12 inputs a second).
  /// Safe to call from several threads; the check lives until the program ends (one per
  /// distinct text). Throws std::invalid_argument as the constructor does.
  [[nodiscard]] static const SchemaCheck& compiled(std::string_view schema_text);
  ~SchemaCheck();
  SchemaCheck(const SchemaCheck&) = delete;
  SchemaCheck& operator=(const SchemaCheck&) = delete;

  /// Every violation in `document`: RapidJSON's validator stops at the first error, so the
  /// top level and each element of the top-level arrays are validated one by one, and one bad
  /// record does not hide the next.
  [[nodiscard]] std::vector<SchemaViolation> check(const rapidjson::Value& document) const;

  /// The whole schema, for validating a file in one pass (as a SAX handler) when only a
  /// verdict is needed.
  [[nodiscard]] const rapidjson::SchemaDocument& whole() const noexcept { return *whole_; }

 private:
  struct ItemSchema;
  rapidjson::Document schema_;
  std::unique_ptr<rapidjson::SchemaDocument> whole_;
  rapidjson::Document top_level_document_;
  std::unique_ptr<rapidjson::SchemaDocument> top_level_;  // the schema with array items unchecked
  std::vector<std::unique_ptr<ItemSchema>> items_;         // one per top-level array property
};

}  // namespace cartelgraph::detail
