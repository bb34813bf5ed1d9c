#pragma once
// Markup escaping shared by every writer of HTML, SVG labels and XML (dossier, legend, GraphML).

#include <string>
#include <string_view>

namespace cartelgraph {

/// `text` escaped for element content and attribute values of HTML and XML (& < > " ' become
/// &amp; &lt; &gt; &quot; &#39;). Hand-written: none of the project's libraries escapes markup.
[[nodiscard]] std::string html_escape(std::string_view text);

}  // namespace cartelgraph
