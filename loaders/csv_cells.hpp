#pragma once
// How cartelgraph's CSV export writes a text cell and a list cell, and how they read back: the
// rules both directions share, so that an export loads back unchanged.
// Internal to the library: not installed.

#include <string>
#include <string_view>
#include <vector>

namespace cartelgraph::detail {

/// The header lines of the four tables `export --to csv` writes; a directory whose files start
/// with them is read back as such an export (loaders/csv_loader.hpp).
inline constexpr std::string_view csv_sources_header = "id,title,author,publisher,published,url,document,kind,confidential";
inline constexpr std::string_view csv_nodes_header =
    "id:ID,name,type,aliases:string[],known_as,description,storyline,:LABEL";
inline constexpr std::string_view csv_relationships_header =
    ":START_ID,:END_ID,:TYPE,id,label,since,until,known_by,ended_by,place,weight:double,confidence,storyline";
inline constexpr std::string_view csv_citations_header = "entity,relationship,source,section,support,note";

/// The formula guard, reversibly: text starting with = + - @, a tab, a carriage return (which a
/// spreadsheet would take for a formula: OWASP, "CSV Injection") or ' gets a leading '; other
/// text is unchanged. unguarded() removes one leading ', so "'=x" reads "=x" and "''a" reads "'a".
[[nodiscard]] std::string guarded(std::string_view text);
/// The text guarded() was given: `cell` without one leading ', if it has one.
[[nodiscard]] std::string_view unguarded(std::string_view cell);

/// A list as one cell: items joined by ';', a ';' or '\' inside an item escaped with '\'.
/// An empty list is an empty cell (so is a list of one empty item: they read back as empty).
[[nodiscard]] std::string joined_list(const std::vector<std::string>& items);
/// The items of a joined_list() cell; a '\' before any character keeps that character, a
/// trailing lone '\' is kept as it is.
[[nodiscard]] std::vector<std::string> split_list(std::string_view cell);

/// A quoted CSV field (RFC 4180): `text` in double quotes, its quotes doubled.
[[nodiscard]] std::string quoted_field(std::string_view text);

}  // namespace cartelgraph::detail
