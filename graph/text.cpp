#include "cartelgraph/graph/text.hpp"

#include <ostream>

namespace cartelgraph {

std::ostream& operator<<(std::ostream& out, const Text& text) { return out << text.str(); }

}  // namespace cartelgraph
