#include "cartelgraph/graph/citation.hpp"

#include <boost/container_hash/hash.hpp>

namespace cartelgraph {

std::size_t hash_value(const Citation& citation) noexcept {
  std::size_t seed = std::hash<Text>()(citation.source);
  boost::hash_combine(seed, std::hash<Text>()(citation.section));
  boost::hash_combine(seed, std::hash<Text>()(citation.note));
  boost::hash_combine(seed, static_cast<unsigned>(citation.support));
  return seed;
}

}  // namespace cartelgraph
