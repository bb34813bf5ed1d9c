#pragma once
// Markup escaping shared by every writer of HTML, SVG labels and XML (dossier, legend, GraphML),
// and the ids that name entities in diagrams and dossier links.

#include <string>
#include <string_view>

namespace cartelgraph {

/// `text` escaped for element content and attribute values of HTML and XML (& < > " ' become
/// &amp; &lt; &gt; &quot; &#39;). Hand-written: none of the project's libraries escapes markup.
[[nodiscard]] std::string html_escape(std::string_view text);

/// `text` escaped for XML 1.0 (GraphML): as html_escape, and tab, newline and carriage return as
/// character references, which a parser would otherwise turn into spaces (in attributes) or
/// newlines (a carriage return anywhere). The other control characters below U+0020, which
/// XML 1.0 cannot hold at all, become U+FFFD.
[[nodiscard]] std::string xml_escape(std::string_view text);

/// `id` as a Graphviz node name, SVG id and URL fragment alike: ASCII letters, digits, '-', '_'
/// and '.' as they are, every other byte as %XX, so kebab-case ids are unchanged and two ids
/// never collide. Graphviz expands backslash escapes (\N, \G) in ids and URLs, passes '&…;'
/// through as an entity, and its DOT writer (2.43) does not escape a trailing backslash: none
/// of these can occur in the result.
[[nodiscard]] std::string anchor_id(std::string_view id);

}  // namespace cartelgraph
