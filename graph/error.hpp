#pragma once
// The one family of errors the library and the command line throw. Each carries a category;
// the command line maps categories to exit codes in one place (cli/main.cpp).

#include <stdexcept>
#include <string>

namespace cartelgraph {

/// What kind of failure an Error is, as a caller would act on it.
enum class ErrorCategory : unsigned char {
  usage,         ///< the request itself is wrong: an unknown option value, an ambiguous name
  no_result,     ///< a well-formed request with no answer: an unknown entity, no path, no convergence
  invalid_data,  ///< the input data breaks the rules (LoadError holds every problem)
  output,        ///< an output cannot be written (full disk, no permission)
  internal,      ///< a defect or an exhausted resource, not the caller's doing
};

/// Base of every error cartelgraph throws on purpose.
class Error : public std::runtime_error {
 public:
  Error(ErrorCategory category, const std::string& message)
      : std::runtime_error(message), category_(category) {}
  [[nodiscard]] ErrorCategory category() const noexcept { return category_; }

 private:
  ErrorCategory category_;
};

}  // namespace cartelgraph
