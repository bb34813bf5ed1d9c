#pragma once
// Loading fact files into a KnowledgeGraph: JSON syntax, schema, then meaning, all or nothing.

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/knowledge_graph.hpp"
#include "cartelgraph/loaders/problem.hpp"

namespace cartelgraph {

/// A file's bytes mapped read-only (read_fact_directory maps each fact file instead of copying it),
/// unmapped when the last FactFile holding it goes. Made by loaders/fact_directory.cpp.
class MappedText {
 public:
  /// Takes over the mapping of `mapped_bytes` bytes at `data`, whose first `size` are the text.
  MappedText(const char* data, std::size_t size, std::size_t mapped_bytes) noexcept
      : data_(data), size_(size), mapped_bytes_(mapped_bytes) {}
  MappedText(const MappedText&) = delete;
  MappedText& operator=(const MappedText&) = delete;
  ~MappedText();

  [[nodiscard]] std::string_view text() const noexcept { return {data_, size_}; }
  /// The bytes that may be read from text().data(): the text, then zeros (room for the padding
  /// a SIMD parser reads past the end).
  [[nodiscard]] std::size_t capacity() const noexcept { return mapped_bytes_; }
  /// Hands the pages read so far back to the kernel: the text stays readable (a page read again
  /// comes back from the page cache, or from disk), but stops counting in the process's memory
  /// until then. Loading a million entities reads each file once and then only a few places in
  /// it, to word a problem.
  void release() const noexcept { release(0, mapped_bytes_); }
  /// Like release(), for the whole pages in bytes [from, to) only.
  void release(std::size_t from, std::size_t to) const noexcept;

 private:
  const char* data_;
  std::size_t size_;
  std::size_t mapped_bytes_;
};

/// The text of one fact file and the path its problems are reported under.
struct FactFile {
  std::string path;
  std::string text;  ///< the text, unless `mapped`
  /// The text mapped from disk instead (read_fact_directory); `text` is then empty.
  std::shared_ptr<const MappedText> mapped{};

  /// The file's text, wherever it is held.
  [[nodiscard]] std::string_view content() const noexcept { return mapped ? mapped->text() : std::string_view(text); }
};

/// The storyline a file's records belong to: its name without directory and extension
/// ("seeds/sinaloa_war.json" → "sinaloa_war", "calls.graphml" → "calls").
[[nodiscard]] std::string storyline_id(std::string_view path);

/// Bounds that keep a mistaken or hostile input from exhausting memory or time: an input past
/// one is refused with a problem naming the bound.
struct LoadLimits {
  std::size_t max_file_bytes = std::size_t{4} << 30;  ///< size of each file
  std::size_t max_entities = 4'000'000;               ///< entities (GraphML nodes) in all files
  std::size_t max_relations = 25'000'000;             ///< relations (GraphML edges) in all files
  std::size_t max_depth = 64;                          ///< nesting of JSON values or XML elements
  /// Threads that read fact files at once (0: one per core). Not a bound: results and the order
  /// of problems are those of reading the files one after the other.
  unsigned threads = 0;
};

/// What loading found: the graph when `problems` is empty, else an empty graph.
struct LoadResult {
  KnowledgeGraph graph;
  std::vector<Problem> problems;
  /// What was changed on the way in without failing the load (imported parallel ties merged).
  std::vector<Problem> notes;
  /// Text that loads but may mislead a reader: control characters, bidi controls and
  /// zero-width characters in names, aliases, descriptions, titles and notes (fact files only;
  /// a control character in a name is a problem instead). Each message starts "warning: ".
  std::vector<Problem> warnings;
  /// The ids of entities whose type the input did not give (they took --default-type): a node of
  /// a GraphML or CSV file with no type. Merging datasets lets such an entity take the type of
  /// the entity it is merged with (loaders/merge.hpp).
  std::vector<std::string> untyped;
  /// True when the input named does not exist (`problems` says so too).
  bool not_found = false;
};

/// Checks every file (UTF-8 JSON syntax, the schema, then duplicate and unknown ids, types,
/// kinds and their endpoint types, dates, sources and places) and reports every problem found,
/// ordered by file and position. The graph is built only if there is none.
/// `schema` defaults to the built-in seeds/schema.json.
/// A control character (graph/visible_text.hpp) in a name is a problem; hidden characters
/// elsewhere in text are `warnings`. An object with the same member twice, nesting past `limits.max_depth`, and more files,
/// entities or relations than `limits` allow are problems too.
[[nodiscard]] LoadResult load_facts(std::span<const FactFile> files, const LoadLimits& limits = {});
[[nodiscard]] LoadResult load_facts(std::span<const FactFile> files, std::string_view schema,
                                    const LoadLimits& limits = {});

/// Like load_facts, but throws LoadError holding the problems if there is any.
[[nodiscard]] KnowledgeGraph load_facts_or_throw(std::span<const FactFile> files,
                                                 const LoadLimits& limits = {});

}  // namespace cartelgraph
