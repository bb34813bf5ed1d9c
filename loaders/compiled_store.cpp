#include "cartelgraph/loaders/compiled_store.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace cartelgraph {

namespace {

using store::load;

[[noreturn]] void refuse(const std::string& name, const std::string& message) {
  throw LoadError({{name, 0, 0, message}});
}

std::string at(std::string_view where, std::size_t byte) {
  return std::string(where) + " (byte " + std::to_string(byte) + "): ";
}

// A file descriptor closed when it goes out of scope.
struct FileDescriptor {
  int fd = -1;
  ~FileDescriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

CompiledStore::CompiledStore(std::string name, std::span<const unsigned char> bytes, void* mapping)
    : name_(std::move(name)), bytes_(bytes), mapping_(mapping) {}

CompiledStore::CompiledStore(CompiledStore&& other) noexcept
    : name_(std::move(other.name_)),
      bytes_(std::exchange(other.bytes_, {})),
      mapping_(std::exchange(other.mapping_, nullptr)),
      entries_(std::move(other.entries_)),
      checksums_(std::exchange(other.checksums_, {})) {}

CompiledStore& CompiledStore::operator=(CompiledStore&& other) noexcept {
  if (this != &other) {
    release();
    name_ = std::move(other.name_);
    bytes_ = std::exchange(other.bytes_, {});
    mapping_ = std::exchange(other.mapping_, nullptr);
    entries_ = std::move(other.entries_);
    checksums_ = std::exchange(other.checksums_, {});
  }
  return *this;
}

CompiledStore::~CompiledStore() { release(); }

void CompiledStore::release() noexcept {
  if (mapping_ != nullptr) ::munmap(mapping_, bytes_.size());
  mapping_ = nullptr;
}

CompiledStore CompiledStore::open(const std::filesystem::path& path, std::size_t max_bytes) {
  const std::string name = path.string();
  FileDescriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) refuse(name, std::string("cannot read: ") + std::strerror(errno));
  struct stat status {};
  if (::fstat(file.fd, &status) != 0) refuse(name, std::string("cannot read: ") + std::strerror(errno));
  if (!S_ISREG(status.st_mode)) refuse(name, "not a regular file");
  const auto size = static_cast<std::size_t>(status.st_size);
  if (size > max_bytes)
    refuse(name, "file is " + std::to_string(size) + " bytes, more than the " + std::to_string(max_bytes) +
                     " allowed (--max-input-size)");
  if (size < store::header_size)
    refuse(name, at("header", 0) + "file is " + std::to_string(size) +
                     " bytes, too short for a compiled store (the header alone is 64)");
  void* mapping = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, file.fd, 0);
  if (mapping == MAP_FAILED) refuse(name, std::string("cannot map: ") + std::strerror(errno));
  CompiledStore result(name, {static_cast<const unsigned char*>(mapping), size}, mapping);
  result.check_header();
  result.read_table();
  return result;
}

CompiledStore CompiledStore::borrow(std::string name, std::span<const unsigned char> bytes) {
  CompiledStore result(std::move(name), bytes, nullptr);
  if (bytes.size() < store::header_size)
    refuse(result.name_, at("header", 0) + "file is " + std::to_string(bytes.size()) +
                             " bytes, too short for a compiled store (the header alone is 64)");
  result.check_header();
  result.read_table();
  return result;
}

void CompiledStore::check_header() const {
  const unsigned char* h = bytes_.data();
  if (!std::equal(store::magic.begin(), store::magic.end(), h,
                  [](char a, unsigned char b) { return static_cast<unsigned char>(a) == b; }))
    refuse(name_, at("header", 0) + "not a compiled store (no CGDB signature)");
  if (const auto version = load<std::uint32_t>(h + 8); version != store::format_version)
    refuse(name_, at("header", 8) + "format version " + std::to_string(version) + "; this cartelgraph reads version " +
                      std::to_string(store::format_version) + " (compile the data again)");
  if (load<std::uint32_t>(h + 12) != store::byte_order_mark)
    refuse(name_, at("header", 12) + "byte-order mark is not little-endian 0x01020304");
  if (load<std::uint64_t>(h + 56) != XXH3_64bits(h, 56))
    refuse(name_, at("header", 56) + "header checksum does not match (the file is corrupt)");
  if (load<std::uint32_t>(h + 16) != store::header_size || load<std::uint32_t>(h + 20) != store::entry_size)
    refuse(name_, at("header", 16) + "header or section entry size is not 64 and 32");
  if (const auto size = load<std::uint64_t>(h + 32); size != bytes_.size())
    refuse(name_, at("header", 32) + "file is " + std::to_string(bytes_.size()) + " bytes, its header says " +
                      std::to_string(size) + (size > bytes_.size() ? " (truncated)" : ""));
}

void CompiledStore::read_table() {
  const unsigned char* h = bytes_.data();
  const auto count = load<std::uint32_t>(h + 24);
  if (count > store::max_sections)
    refuse(name_,
           at("header", 24) + std::to_string(count) + " sections, more than " + std::to_string(store::max_sections));
  const std::size_t table_end = store::header_size + std::size_t{count} * store::entry_size;
  if (table_end > bytes_.size())
    refuse(name_, at("section table", store::header_size) + "runs past the end of the file");
  if (load<std::uint64_t>(h + 40) != XXH3_64bits(h + store::header_size, table_end - store::header_size))
    refuse(name_, at("section table", store::header_size) + "checksum does not match (the file is corrupt)");
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t where = store::header_size + i * store::entry_size;
    const unsigned char* e = h + where;
    Entry entry{store::SectionId{load<std::uint32_t>(e)},
                load<std::uint32_t>(e + 4),
                load<std::uint64_t>(e + 8),
                load<std::uint64_t>(e + 16),
                load<std::uint64_t>(e + 24),
                0,
                nullptr};
    const auto fail_entry = [&](const std::string& message) {
      refuse(name_, at("section table", where) + "section " + std::to_string(static_cast<std::uint32_t>(entry.id)) +
                        " " + message);
    };
    if (entry.record_size == 0) fail_entry("has records of 0 bytes");
    if (entry.offset < table_end || entry.offset % store::alignment != 0 || entry.offset > bytes_.size() ||
        entry.length > bytes_.size() - entry.offset)
      fail_entry("lies outside the file or is not 8-byte aligned");
    if (entry.length % entry.record_size != 0) fail_entry("is not a whole number of records");
    if (has(entry.id)) fail_entry("appears twice");
    entries_.push_back(std::move(entry));
    entries_.back().verified.reset(new std::atomic<std::uint8_t>[1 + store::chunk_count(entries_.back().length)]());
  }
  find_checksums();
}

void CompiledStore::find_checksums() {
  std::size_t chunks = 0;
  for (Entry& entry : entries_) {
    if (entry.id == store::SectionId::chunk_checksums) continue;
    entry.first_chunk = chunks;
    chunks += store::chunk_count(entry.length);
  }
  const Section checksums = locate(store::SectionId::chunk_checksums, 8);
  if (checksums.records != chunks)
    fail(checksums, 0,
         std::to_string(checksums.records) + " checksums for the " + std::to_string(chunks) +
             " chunks of the other sections");
  checksums_ = checksums.bytes;
}

void CompiledStore::verify_chunks(const Section& section, std::size_t begin, std::size_t end) const {
  // The checksums' own section is verified a slice at a time, by the sections it covers.
  if (section.id == store::SectionId::chunk_checksums) return;
  const Entry& entry = entries_[section.entry];
  const std::size_t chunks = store::chunk_count(section.bytes.size());
  const unsigned char* sums = checksums_.data() + entry.first_chunk * 8;
  if (entry.verified[0].load(std::memory_order_acquire) == 0) {
    if (XXH3_64bits(sums, chunks * 8) != entry.checksum)
      fail(section, 0, "checksum does not match (the file is corrupt)");
    entry.verified[0].store(1, std::memory_order_release);
  }
  for (std::size_t c = begin / store::chunk_size; c < chunks && c * store::chunk_size < end; ++c) {
    if (entry.verified[1 + c].load(std::memory_order_acquire) != 0) continue;
    const std::size_t at = c * store::chunk_size;
    if (XXH3_64bits(section.bytes.data() + at, std::min(store::chunk_size, section.bytes.size() - at)) !=
        load<std::uint64_t>(sums + c * 8))
      fail(section, at, "checksum does not match (the file is corrupt)");
    entry.verified[1 + c].store(1, std::memory_order_release);
  }
}

bool CompiledStore::has(store::SectionId id) const noexcept {
  return std::any_of(entries_.begin(), entries_.end(), [id](const Entry& entry) { return entry.id == id; });
}

CompiledStore::Section CompiledStore::locate(store::SectionId id, std::size_t record_size) const {
  const std::string name(store::section_name(id));
  const auto found = std::find_if(entries_.begin(), entries_.end(),
                                  [id](const Entry& entry) { return entry.id == id; });
  if (found == entries_.end()) refuse(name_, "section '" + name + "' is missing");
  const Section section{id, found->offset, bytes_.subspan(found->offset, found->length),
                        found->length / found->record_size, static_cast<std::size_t>(found - entries_.begin())};
  if (found->record_size != record_size)
    fail(section, 0,
         "records of " + std::to_string(found->record_size) + " bytes, expected " + std::to_string(record_size));
  return section;
}

void CompiledStore::verify_all() const {
  for (const Entry& entry : entries_) verify(locate(entry.id, entry.record_size));
}

CompiledStore::Section CompiledStore::section(store::SectionId id, std::size_t record_size) const {
  const Section found = locate(id, record_size);
  verify(found);
  return found;
}

void CompiledStore::fail(const Section& section, std::size_t byte_in_section, const std::string& message) const {
  refuse(name_, at("section '" + std::string(store::section_name(section.id)) + "'", section.offset + byte_in_section) +
                    message);
}

bool is_compiled_store(const std::filesystem::path& path) { return path.extension() == ".cgdb"; }

std::string_view store_origin(const CompiledStore& store) {
  if (!store.has(store::SectionId::origin)) return {};
  const auto section = store.section(store::SectionId::origin, 1);
  return {reinterpret_cast<const char*>(section.bytes.data()), section.bytes.size()};
}

LoadResult load_compiled_store(const std::filesystem::path& path, const LoadOptions& options) {
  try {
    return open_compiled_store(CompiledStore::open(path, options.limits.max_file_bytes), options.limits);
  } catch (const LoadError& error) {
    LoadResult result;
    result.problems = error.problems();
    return result;
  }
}

}  // namespace cartelgraph
