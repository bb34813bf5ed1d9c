#pragma once
// Loading fact files into a KnowledgeGraph: JSON syntax, schema, then meaning, all or nothing.

#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cartelgraph/graph/knowledge_graph.hpp"
#include "cartelgraph/loaders/problem.hpp"

namespace cartelgraph {

/// The text of a fact file on disk (read_fact_directory), read whole into memory when it is first
/// asked for and let go by release(): a load of 2 GB of JSON holds only the files it is reading,
/// and reads a file again only to word a problem in it. Read with read(2), not mapped: a file
/// that another program cuts short while it is loaded would make reads of a mapping fault
/// (SIGBUS, a crash); here the text ends where the file does, and the parse says so.
/// Made by loaders/fact_directory.cpp.
class DiskText {
 public:
  /// The file at `path`, `size` bytes long when it was listed (the most that is read of it).
  DiskText(std::string path, std::size_t size) noexcept : path_(std::move(path)), size_(size) {}
  DiskText(const DiskText&) = delete;
  DiskText& operator=(const DiskText&) = delete;
  ~DiskText();

  /// The text, read from disk if it is not in memory: at most size() bytes. Read again after a
  /// release, it is cut or padded with blanks to the length it had when first read, so that
  /// offsets found in it stay inside it (if the file changed meanwhile, its problems are located
  /// in what it now holds). Empty if the file could not be read (error() says why). Safe to call
  /// from several threads; the view lasts until release().
  [[nodiscard]] std::string_view text() const;
  /// The bytes that may be read from text().data(): the text, then zeros (room for the padding
  /// a SIMD parser reads past the end).
  [[nodiscard]] std::size_t capacity() const;
  /// The file's size when it was listed.
  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  /// Why the file could not be read when it was first asked for, if it could not.
  [[nodiscard]] std::optional<std::string> error() const;
  /// Frees the text: it is read from disk again if it is asked for again.
  void release() const noexcept;
  /// Hands the whole pages of bytes [from, to) of the text back to the kernel while the text is
  /// parsed (the parser does not go back): they read as zeros, and the next text() reads the file
  /// again.
  void release(std::size_t from, std::size_t to) const noexcept;

 private:
  void load() const;  // with mutex_ held
  void unmap() const noexcept;

  std::string path_;
  std::size_t size_;
  mutable std::mutex mutex_;
  mutable char* data_ = nullptr;  // an anonymous mapping of mapped_bytes_, text_size_ of them text
  mutable std::size_t text_size_ = 0;
  mutable std::size_t mapped_bytes_ = 0;
  mutable std::optional<std::size_t> first_size_;  // the text's length when first read
  mutable std::optional<std::string> error_;
  mutable bool partial_ = false;  // pages were handed back
};

/// The text of one fact file and the path its problems are reported under.
struct FactFile {
  std::string path;
  std::string text;  ///< the text, unless `disk`
  /// The text on disk instead (read_fact_directory), read when it is needed; `text` is then empty.
  std::shared_ptr<const DiskText> disk{};

  /// The file's text, wherever it is held (read from disk if need be).
  [[nodiscard]] std::string_view content() const { return disk ? disk->text() : std::string_view(text); }
  /// The size of its text, without reading it.
  [[nodiscard]] std::size_t size() const noexcept { return disk ? disk->size() : text.size(); }
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
