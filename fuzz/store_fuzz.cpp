// libFuzzer target: the compiled store reader (loaders/compiled_store.hpp) on arbitrary bytes. It
// must end in a graph or in one located problem, never in a crash, a hang or a sanitizer report.
// The first byte chooses how the rest is read: as it is (the header, table and checksum checks),
// or, when it is odd, with its checksums first made right again, so that the mutations reach the
// checks of every value behind them (indices, offsets, enums, dates, text, relation lists).
#include <xxhash.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include <boost/range/iterator_range.hpp>

#include "cartelgraph/graph/knowledge_graph.hpp"
#include "cartelgraph/loaders/compiled_store.hpp"
#include "cartelgraph/loaders/store_format.hpp"

namespace {

using cartelgraph::store::load;
using cartelgraph::store::store_le;
constexpr std::uint64_t chunk_size = cartelgraph::store::chunk_size;

// Makes the checksums of the header, the section table, every section that lies in the file and
// its chunks (when the chunk_checksums section lies in the file and has room for them) right;
// leaves the rest as it is.
void reseal(std::vector<unsigned char>& bytes) {
  if (bytes.size() < 64) return;
  unsigned char* data = bytes.data();
  const std::uint64_t count = load<std::uint32_t>(data + 24);
  if (count > cartelgraph::store::max_sections || 64 + count * 32 > bytes.size()) return;
  const auto lies_in_file = [&](std::uint64_t offset, std::uint64_t length) {
    return offset <= bytes.size() && length <= bytes.size() - offset;
  };
  std::uint64_t sums_at = 0, sums_length = 0;
  for (std::uint64_t i = 0; i < count; ++i) {
    const unsigned char* entry = data + 64 + i * 32;
    if (load<std::uint32_t>(entry) == static_cast<std::uint32_t>(cartelgraph::store::SectionId::chunk_checksums) &&
        lies_in_file(load<std::uint64_t>(entry + 8), load<std::uint64_t>(entry + 16)))
      sums_at = load<std::uint64_t>(entry + 8), sums_length = load<std::uint64_t>(entry + 16);
  }
  std::uint64_t written = 0;  // bytes of checksums written
  for (std::uint64_t i = 0; i < count; ++i) {
    unsigned char* entry = data + 64 + i * 32;
    if (load<std::uint32_t>(entry) == static_cast<std::uint32_t>(cartelgraph::store::SectionId::chunk_checksums))
      continue;
    const auto offset = load<std::uint64_t>(entry + 8), length = load<std::uint64_t>(entry + 16);
    if (!lies_in_file(offset, length)) continue;
    const std::uint64_t first = written;
    for (std::uint64_t at = 0; at < length && written + 8 <= sums_length; at += chunk_size, written += 8) {
      const std::uint64_t chunk = length - at < chunk_size ? length - at : chunk_size;
      store_le(data + sums_at + written, static_cast<std::uint64_t>(XXH3_64bits(data + offset + at, chunk)));
    }
    store_le(entry + 24, static_cast<std::uint64_t>(XXH3_64bits(data + sums_at + first, written - first)));
  }
  store_le(data + 40, static_cast<std::uint64_t>(XXH3_64bits(data + 64, count * 32)));
  store_le(data + 56, static_cast<std::uint64_t>(XXH3_64bits(data, 56)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::vector<unsigned char> bytes(data + 1, data + size);
  if ((data[0] & 1) != 0) reseal(bytes);
  cartelgraph::LoadResult result;
  try {
    const auto store = cartelgraph::CompiledStore::borrow("fuzz.cgdb", bytes);
    result = cartelgraph::read_compiled_store(store);
  } catch (const cartelgraph::LoadError& error) {
    if (error.problems().size() != 1) __builtin_trap();
    return 0;
  }
  if (!result.problems.empty() && (result.problems.size() != 1 || result.graph.entity_count() != 0)) __builtin_trap();
  // In place: the indexes searched, then every record read on demand.
  try {
    auto opened = cartelgraph::open_compiled_store(cartelgraph::CompiledStore::borrow("fuzz.cgdb", bytes));
    if (!opened.problems.empty()) return 0;
    std::size_t named = 0;
    opened.graph.for_each_name([&](std::string_view key, std::span<const std::uint32_t> entities) {
      named += entities.size() + opened.graph.find_by_name(key).size();
      (void)opened.graph.find(key);
    });
    for (std::size_t v = 0; v < opened.graph.entity_count(); ++v) (void)opened.graph.find(opened.graph.entity(v).id);
    // Each entity's relations, as a query walks them: both ends' types and the kind of each.
    const cartelgraph::Graph& g = opened.graph.graph();
    for (std::size_t v = 0; v < opened.graph.entity_count(); ++v)
      for (const auto& [first, last] : {boost::out_edges(v, g), boost::in_edges(v, g)})
        for (auto it = first; it != last; ++it)
          named += static_cast<std::size_t>(opened.graph.entity_type((*it).from)) +
                   static_cast<std::size_t>(opened.graph.entity_type((*it).to)) +
                   static_cast<std::size_t>(opened.graph.relation_kind(*it));
    for (const auto e : boost::make_iterator_range(boost::edges(g)))
      named += boost::out_degree(e.from, g) + boost::in_degree(e.to, g);
    opened.graph.read_all();
  } catch (const cartelgraph::LoadError& error) {
    if (error.problems().size() != 1) __builtin_trap();
  }
  // As a cache is opened: every chunk verified, every column, list and index checked first.
  try {
    const auto verified = cartelgraph::open_verified_store(cartelgraph::CompiledStore::borrow("fuzz.cgdb", bytes));
    if (!verified.problems.empty() && (verified.problems.size() != 1 || verified.graph.entity_count() != 0))
      __builtin_trap();
  } catch (const cartelgraph::LoadError& error) {
    if (error.problems().size() != 1) __builtin_trap();
  }
  return 0;
}
