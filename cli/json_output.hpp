#pragma once
// Writing JSON documents to stdout with RapidJSON.

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <optional>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/knowledge_graph.hpp"

namespace cartelgraph::cli {

/// A JSON document being written; print() sends it to stdout with a final newline.
class JsonDocument {
 public:
  JsonDocument();
  [[nodiscard]] rapidjson::PrettyWriter<rapidjson::StringBuffer>& writer() { return writer_; }
  void key(std::string_view name);
  void string(std::string_view value);
  /// The date's ISO text, or null.
  void date(const std::optional<Date>& value);
  void citations(const std::vector<Citation>& citations);
  /// {"from", "to", "kind", "since", "until", "place", "confidence", "sources"}.
  void relation(const KnowledgeGraph& graph, Edge e);
  /// {"id", "name", "type"}, then the caller may add members and must call EndObject().
  void begin_entity(const KnowledgeGraph& graph, Vertex v);
  void print() const;

 private:
  rapidjson::StringBuffer buffer_;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer_;
};

}  // namespace cartelgraph::cli
