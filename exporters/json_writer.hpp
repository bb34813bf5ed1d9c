#pragma once
// The one JSON vocabulary: how an entity, a relation, a citation, a source and a problem are
// written, shared by every `--format json` answer and by `export --to json`.

#include <concepts>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/knowledge_graph.hpp"
#include "cartelgraph/loaders/problem.hpp"

namespace cartelgraph {

/// A JSON document written value by value (RapidJSON underneath, kept out of this header).
/// Strings are escaped as JSON requires, control characters included.
class JsonWriter {
 public:
  /// pretty: two-space indentation, as fact files and answers are printed; compact: one line.
  enum class Style : unsigned char { pretty, compact };
  /// Absent optional members of a relation or entity: left out (fact files) or written as null
  /// (answers, whose shape then never varies). Likewise a citation's default support: left out
  /// or written ("text").
  enum class Absent : unsigned char { omit, null };

  explicit JsonWriter(Style style = Style::pretty);
  ~JsonWriter();
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  /// Members the document's first (outermost) object starts with, written by `members()` as
  /// soon as that object opens: a caller states its context (e.g. the date of an --as-of answer)
  /// without every writer of an answer knowing about it.
  void open_with(std::function<void()> members);

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  void key(std::string_view name);

  void value(std::string_view text);
  void value(const std::string& text) { value(std::string_view(text)); }
  void value(const char* text) { value(std::string_view(text)); }
  void value(const Text& text) { value(text.view()); }
  void value(bool flag);
  void value(double number);
  void value(std::unsigned_integral auto number) { unsigned_value(static_cast<std::uint64_t>(number)); }
  void value(std::signed_integral auto number) { signed_value(static_cast<std::int64_t>(number)); }
  /// The date's ISO text, or null.
  void value(const std::optional<Date>& date);
  void null();

  /// `"name": value`.
  template <class T>
  void member(std::string_view name, const T& v) {
    key(name);
    value(v);
  }
  /// An object whose members `fill()` writes.
  template <class Fill>
  void object(Fill&& fill) {
    begin_object();
    fill();
    end_object();
  }
  /// An array whose items `fill()` writes.
  template <class Fill>
  void array(Fill&& fill) {
    begin_array();
    fill();
    end_array();
  }
  /// `"name": [...]`, each item of `items` written by `each(item)`.
  template <class Range, class Each>
  void array_member(std::string_view name, const Range& items, Each&& each) {
    key(name);
    begin_array();
    for (const auto& item : items) each(item);
    end_array();
  }
  /// An array of strings.
  void strings(std::span<const std::string> texts);

  /// [{"source", "section", "support", "note"}, …]: "support" always in answers (`absent` null),
  /// left out where it is the default "text" in fact files (`absent` omit).
  void citations(const std::vector<Citation>& citations, Absent absent = Absent::null);
  /// A source record with its fact-file members; empty optional ones are left out.
  void source(const Source& source);
  /// An entity with its fact-file members: id, type, name, known_as (null or left out when
  /// none, as `absent` says), aliases (when any), description, sources (their support as
  /// citations() writes it with `absent`).
  void entity(const Entity& entity, Absent absent = Absent::null);
  /// `"known_as": name`, or when `name` is empty, null (`absent` null) or nothing (omit).
  void known_as(const std::string& name, Absent absent = Absent::null);
  /// The members "id", "name" and "type" of `v`, inside an object the caller opens and closes
  /// (to add members of its own).
  void entity_summary(const KnowledgeGraph& graph, Vertex v);
  /// {"id", "name", "type", `name`: value}: an entity with one value an answer gives it.
  template <class T>
  void entity_with(const KnowledgeGraph& graph, Vertex v, std::string_view name, const T& value_of_answer) {
    begin_object();
    entity_summary(graph, v);
    member(name, value_of_answer);
    end_object();
  }
  /// An array of the ids of `vertices`.
  void ids(const KnowledgeGraph& graph, std::span<const Vertex> vertices);
  /// A relation with its fact-file members: kind, from, to, since, until, known_by, place,
  /// weight, confidence, sources (absent ones null or left out, as `absent` says; so is a
  /// citation's default support); answers (`absent` null) also have "label" after "kind": an
  /// imported tie's own kind text, or null.
  void relation(const KnowledgeGraph& graph, Edge e, Absent absent = Absent::null);
  /// The members of relation(), inside an object the caller opens and closes.
  void relation_members(const KnowledgeGraph& graph, Edge e, Absent absent = Absent::null);
  /// {"file", "line", "column", "message"}; line and column are 0 for a whole-file problem.
  void problem(const Problem& problem);

  /// The document written so far, with a final newline when `newline`.
  [[nodiscard]] std::string text(bool newline = true) const;

 private:
  void strings_member(std::string_view name, std::span<const std::string> texts);
  void citations_member(std::string_view name, const std::vector<Citation>& citations, Absent absent);
  void unsigned_value(std::uint64_t number);
  void signed_value(std::int64_t number);

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cartelgraph
