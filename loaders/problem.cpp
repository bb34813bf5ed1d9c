#include "cartelgraph/loaders/problem.hpp"

namespace cartelgraph {

std::string to_string(const Problem& problem) {
  if (problem.line == 0) return problem.file + ": " + problem.message;
  return problem.file + ':' + std::to_string(problem.line) + ':' + std::to_string(problem.column) +
         ": " + problem.message;
}

namespace {
std::string summary(const std::vector<Problem>& problems) {
  if (problems.empty()) return "invalid data";
  std::string text = to_string(problems.front());
  if (problems.size() > 1) text += " (and " + std::to_string(problems.size() - 1) + " more)";
  return text;
}
}  // namespace

LoadError::LoadError(std::vector<Problem> problems)
    : Error(ErrorCategory::invalid_data, summary(problems)), problems_(std::move(problems)) {}

}  // namespace cartelgraph
