#include "cartelgraph/render/caption.hpp"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <map>
#include <vector>

namespace cartelgraph {

namespace {

// "Title (Outlet, 2022)": the outlet, else the author, and the year, as far as they are known.
std::string describe_source(const KnowledgeGraph& graph, const std::string& id) {
  const Source* source = graph.find_source(id);
  if (!source) return id;
  std::string by = !source->publisher.empty() ? source->publisher : source->author;
  const std::string year = source->published.substr(0, 4);
  if (!year.empty()) by += (by.empty() ? "" : ", ") + year;
  return (source->title.empty() ? source->id : source->title) + (by.empty() ? "" : " (" + by + ")");
}

}  // namespace

std::string source_credit(const KnowledgeGraph& graph, std::span<const Edge> relations,
                          std::span<const Vertex> entities, std::size_t max_chars) {
  std::map<std::string, std::size_t> cited;  // source id → citations
  for (const Edge e : relations)
    for (const auto& c : graph.relation(e).sources) ++cited[c.source];
  for (const Vertex v : entities)
    for (const auto& c : graph.entity(v).sources) ++cited[c.source];
  std::vector<std::pair<std::string, std::size_t>> order(cited.begin(), cited.end());
  std::ranges::stable_sort(order, [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string credit;
  std::size_t shown = 0;
  for (const auto& [id, count] : order) {
    const std::string item = describe_source(graph, id);
    if (shown > 0 && credit.size() + item.size() > max_chars) break;
    credit += (shown++ ? "; " : "") + item;
  }
  if (shown < order.size()) credit += " and " + std::to_string(order.size() - shown) + " more";
  return credit.empty() ? credit : "Sources: " + credit;
}

std::string drawing_date() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    const long long seconds = std::strtoll(epoch, &end, 10);
    if (end != epoch && *end == '\0' && seconds >= 0) now = static_cast<std::time_t>(seconds);
  }
  std::tm day{};
  gmtime_r(&now, &day);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &day);
  return text;
}

std::string builtin_data_note(const KnowledgeGraph& graph) {
  std::string latest;
  for (const auto& source : graph.sources()) latest = std::max(latest, source.published);
  return latest.empty() ? "built-in facts" : "built-in facts, sources to " + latest;
}

}  // namespace cartelgraph
