#pragma once
// The compiled store's reader: a `.cgdb` file (format: loaders/store_format.hpp, writer:
// exporters/compiled_store.hpp) memory-mapped and read back into a KnowledgeGraph.
//
// Opening checks the header and the section table only (work independent of the file's size);
// a section is verified a 64 KiB chunk at a time, each chunk the first time something in it is
// read (and the list of its chunks' checksums against the section's own checksum before that).
// Every offset, length, index, enum and
// date read from the file is checked: a truncated, corrupted or hostile file is a located
// problem (`net.cgdb: section 'relations' (byte 1234): …`), never a crash, a hang or an
// allocation larger than the file. The section access is the small CompiledStore API so that a
// view over the mapped arrays can replace the rebuild.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cartelgraph/loaders/load.hpp"
#include "cartelgraph/loaders/store_format.hpp"

namespace cartelgraph {

/// A mapped (or borrowed) store whose header and section table have been checked.
class CompiledStore {
 public:
  /// One section: its bytes and how many records of its size they hold.
  struct Section {
    store::SectionId id = store::SectionId::strings;
    std::size_t offset = 0;  ///< in the file, for messages
    std::span<const unsigned char> bytes;
    std::size_t records = 0;
    std::size_t entry = 0;  ///< in the section table
  };

  /// Maps the file at `path` (at most `max_bytes`) and checks its header and section table.
  /// Throws LoadError with the located problem.
  static CompiledStore open(const std::filesystem::path& path, std::size_t max_bytes);
  /// Reads a store held in memory, problems located under `name`; `bytes` must outlive the store.
  static CompiledStore borrow(std::string name, std::span<const unsigned char> bytes);

  CompiledStore(CompiledStore&& other) noexcept;
  CompiledStore& operator=(CompiledStore&& other) noexcept;
  CompiledStore(const CompiledStore&) = delete;
  CompiledStore& operator=(const CompiledStore&) = delete;
  ~CompiledStore();

  /// The file's name, as problems give it.
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  /// The file's size in bytes.
  [[nodiscard]] std::size_t size() const noexcept { return bytes_.size(); }
  /// True if the file has section `id`.
  [[nodiscard]] bool has(store::SectionId id) const noexcept;
  /// Section `id` of records of `record_size` bytes, every chunk verified (once: later calls
  /// only test each chunk's flag). Throws LoadError if it is missing, of another record size, or does not
  /// match its checksums.
  [[nodiscard]] Section section(store::SectionId id, std::size_t record_size) const;
  /// Section `id` as section() finds it, nothing verified: verify() what is read of it before
  /// trusting it (its bytes may still be read, each read bounds-checked).
  [[nodiscard]] Section locate(store::SectionId id, std::size_t record_size) const;
  /// Verifies every chunk of `section` (one that locate() found) not yet verified. Throws
  /// LoadError if one does not match its checksum. Safe from several threads, like the next.
  void verify(const Section& section) const { verify(section, 0, section.bytes.size()); }
  /// Verifies every chunk of every section (those not yet verified).
  void verify_all() const;
  /// Verifies the chunks of `section` that bytes [begin, end) of it lie in, those not yet verified.
  void verify(const Section& section, std::size_t begin, std::size_t end) const {
    const Entry& entry = entries_[section.entry];
    if (begin < end && (entry.verified[0].load(std::memory_order_acquire) == 0 ||
                        entry.verified[1 + begin / store::chunk_size].load(std::memory_order_acquire) == 0 ||
                        entry.verified[1 + (end - 1) / store::chunk_size].load(std::memory_order_acquire) == 0 ||
                        end - begin > store::chunk_size))
      verify_chunks(section, begin, end);
  }
  /// Throws LoadError: `NAME: section 'S' (byte B): message`, B counted from the file's start.
  [[noreturn]] void fail(const Section& section, std::size_t byte_in_section, const std::string& message) const;

 private:
  struct Entry {
    store::SectionId id = store::SectionId::strings;
    std::uint32_t record_size = 0;
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
    std::uint64_t checksum = 0;   // of its chunks' checksums
    std::size_t first_chunk = 0;  // its chunks' first checksum in the chunk_checksums section
    // [0]: its chunks' checksums verified; [1 + c]: chunk c verified.
    std::unique_ptr<std::atomic<std::uint8_t>[]> verified;
  };
  CompiledStore(std::string name, std::span<const unsigned char> bytes, void* mapping);
  void check_header() const;
  void read_table();
  void find_checksums();
  void verify_chunks(const Section& section, std::size_t begin, std::size_t end) const;
  void release() noexcept;

  std::string name_;
  std::span<const unsigned char> bytes_;
  void* mapping_ = nullptr;  // munmap'ed on destruction; null when borrowed
  std::vector<Entry> entries_;
  std::span<const unsigned char> checksums_;  // the chunk_checksums section
};

/// True if `path` names a compiled store (`.cgdb`).
[[nodiscard]] bool is_compiled_store(const std::filesystem::path& path);

/// The graph, notes, warnings and untyped ids a store holds, every section verified and every
/// record read and checked into a graph independent of `store`; more entities or relations than `limits` allow are a problem. Never throws for a bad store: its problem is in `problems` (the graph
/// empty). May throw std::bad_alloc.
[[nodiscard]] LoadResult read_compiled_store(const CompiledStore& store, const LoadLimits& limits = {});
/// The graph `store` holds opened in place (KnowledgeGraph::in_place): the columns every view
/// reads and the indexes are checked now (a linear pass over each), an entity's or relation's
/// record when it is first read, when a damaged one throws LoadError (located like the others).
/// Notes, warnings and untyped ids as read_compiled_store. Never throws for a bad store otherwise.
[[nodiscard]] LoadResult open_compiled_store(CompiledStore store, const LoadLimits& limits = {});
/// open_compiled_store with every chunk verified and every column, relation list and index
/// checked first (a linear pass over the file; records are still read, and their own values
/// checked, when first asked for): what a cache is opened with, so that damage found is a cache
/// ignored rather than a query failed.
[[nodiscard]] LoadResult open_verified_store(CompiledStore store, const LoadLimits& limits = {});
/// Opens the store at `path` in place (open_compiled_store).
[[nodiscard]] LoadResult load_compiled_store(const std::filesystem::path& path, const LoadOptions& options = {});
/// What the store was compiled from (its `origin` section; the cache's key), empty without one.
/// Throws LoadError if that section is corrupt.
[[nodiscard]] std::string_view store_origin(const CompiledStore& store);

}  // namespace cartelgraph
