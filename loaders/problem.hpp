#pragma once
// Problems found in fact files, each with the place it was found.

#include <string>
#include <vector>

#include "cartelgraph/graph/error.hpp"

namespace cartelgraph {

/// One problem in one file. `line` and `column` are 1-based; 0 when the problem concerns the
/// whole file (it cannot be read, say).
struct Problem {
  std::string file;
  std::size_t line = 0;
  std::size_t column = 0;
  std::string message;
};

/// `file:line:column: message`, or `file: message` without a position.
[[nodiscard]] std::string to_string(const Problem& problem);

/// Thrown when fact files cannot be loaded (category invalid_data); holds every problem found.
class LoadError : public Error {
 public:
  explicit LoadError(std::vector<Problem> problems);
  [[nodiscard]] const std::vector<Problem>& problems() const noexcept { return problems_; }

 private:
  std::vector<Problem> problems_;
};

}  // namespace cartelgraph
