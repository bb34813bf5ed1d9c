#include "cartelgraph/render/labels.hpp"

namespace cartelgraph {

std::string date_span(const Relation& relation) {
  if (!is_dated(relation)) return "undated";
  if (relation.ended_by && !start_bound(relation)) return "ended by " + relation.ended_by->to_string();
  std::string text = relation.since      ? relation.since->to_string()
                     : relation.known_by ? "by " + relation.known_by->to_string()
                                         : "?";
  if (relation.until) text += " to " + relation.until->to_string();
  if (relation.ended_by) text += ", ended by " + relation.ended_by->to_string();
  return text;
}

std::string_view support_label(CitationSupport support) noexcept {
  switch (support) {
    case CitationSupport::text: return "";
    case CitationSupport::statement: return "statement";
    case CitationSupport::title: return "title only";
  }
  return "";
}

std::string citation_place(const Citation& citation) {
  std::string text = citation.source + " §" + citation.section;
  if (const std::string_view support = support_label(citation.support); !support.empty())
    text.append(", ").append(support);
  return text;
}

std::string_view display_name(const Entity& entity) noexcept {
  return entity.known_as.empty() ? std::string_view(entity.name) : std::string_view(entity.known_as);
}

namespace {

// Code points in UTF-8 text: its bytes less the continuation bytes.
std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::vector<std::string> wrap_words(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  std::size_t length = 0;  // of the last line, in code points
  while (!text.empty()) {
    const std::size_t space = text.find(' ');
    const std::string_view word = text.substr(0, space);
    text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
    if (word.empty()) continue;
    const std::size_t size = code_points(word);
    if (!lines.empty() && length + 1 + size <= width) {
      lines.back().append(" ").append(word);
      length += 1 + size;
    } else {
      lines.emplace_back(word);
      length = size;
    }
  }
  return lines;
}

std::string edge_dates(const Relation& relation) {
  std::string text = relation.since      ? relation.since->to_string()
                     : relation.known_by ? "known " + relation.known_by->to_string()
                                         : "";
  if (relation.until) text += (text.empty() ? "until " : " until ") + relation.until->to_string();
  if (relation.ended_by) text += (text.empty() ? "ended by " : " ended by ") + relation.ended_by->to_string();
  return text;
}

}  // namespace cartelgraph
