// libFuzzer target: the compiled store reader (loaders/compiled_store.hpp) on arbitrary bytes. It
// must end in a graph or in one located problem, never in a crash, a hang or a sanitizer report.
// The first byte chooses how the rest is read: as it is (the header, table and checksum checks),
// or, when it is odd, with its checksums first made right again, so that the mutations reach the
// checks of every value behind them (indices, offsets, enums, dates, text).
#include <xxhash.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "cartelgraph/loaders/compiled_store.hpp"
#include "cartelgraph/loaders/store_format.hpp"

namespace {

using cartelgraph::store::load;
using cartelgraph::store::store_le;

// Makes the checksums of the header, the section table and every section that lies in the
// file right; leaves the rest as it is.
void reseal(std::vector<unsigned char>& bytes) {
  if (bytes.size() < 64) return;
  unsigned char* data = bytes.data();
  const std::uint64_t count = load<std::uint32_t>(data + 24);
  if (count > 64 || 64 + count * 32 > bytes.size()) return;
  for (std::uint64_t i = 0; i < count; ++i) {
    unsigned char* entry = data + 64 + i * 32;
    const auto offset = load<std::uint64_t>(entry + 8), length = load<std::uint64_t>(entry + 16);
    if (offset <= bytes.size() && length <= bytes.size() - offset)
      store_le(entry + 24, static_cast<std::uint64_t>(XXH3_64bits(data + offset, length)));
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
    opened.graph.read_all();
  } catch (const cartelgraph::LoadError& error) {
    if (error.problems().size() != 1) __builtin_trap();
  }
  return 0;
}
