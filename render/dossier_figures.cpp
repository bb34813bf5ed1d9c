#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>
#include <set>

#include "cartelgraph/render/dossier_parts.hpp"
#include "cartelgraph/render/escape.hpp"

namespace cartelgraph::dossier {

namespace {

// Above this many entities a view is split before it is drawn: no layout of it could be read.
constexpr std::size_t most_drawn = 30;
// The largest text of a figure is kept near this many CSS px (a 4-node picture is not huge).
constexpr double comfortable_px = 16;
// An overview of a large view shows at most this many entities; this many details follow it,
// each of a hub and at most `detail_neighbours` of its neighbours (fewer where more would not
// read at page width).
constexpr std::size_t overview_size = 10;
constexpr std::size_t detail_count = 4;
constexpr std::size_t detail_neighbours = 6;

// The number after `key` (as `key="12.5pt"`) in `svg`, from `from`; fallback when absent.
double number_after(std::string_view svg, std::string_view key, double fallback, std::size_t from = 0) {
  const auto at = svg.find(key, from);
  if (at == std::string_view::npos) return fallback;
  const char* first = svg.data() + at + key.size();
  double value = fallback;
  const auto [end, error] = std::from_chars(first, svg.data() + svg.size(), value);
  return error == std::errc() ? value : fallback;
}

// Graphviz's SVG geometry: its size in pt and its text sizes in pt (viewBox units times the
// width's ratio to the viewBox and the graph's scale transform).
struct SvgGeometry {
  double width_pt = 0;
  double height_pt = 0;
  double smallest_text_pt = 14;
  double largest_text_pt = 14;
};

SvgGeometry measure(std::string_view svg) {
  SvgGeometry g;
  g.width_pt = number_after(svg, "width=\"", 100);
  g.height_pt = number_after(svg, "height=\"", 100);
  const auto view_box = svg.find("viewBox=\"");
  double box_width = g.width_pt;
  if (view_box != std::string_view::npos) {
    // viewBox="x y width height": the third number
    std::size_t at = view_box + 9;
    for (int skip = 0; skip < 2; ++skip) at = svg.find(' ', at) + 1;
    box_width = number_after(svg, "", g.width_pt, at);
  }
  const double unit = (box_width > 0 ? g.width_pt / box_width : 1) * number_after(svg, "scale(", 1);
  double smallest = 1e9, largest = 0;
  for (auto at = svg.find("font-size=\""); at != std::string_view::npos; at = svg.find("font-size=\"", at + 1)) {
    const double size = number_after(svg, "font-size=\"", 14, at);
    smallest = std::min(smallest, size);
    largest = std::max(largest, size);
  }
  if (largest > 0) g.smallest_text_pt = smallest * unit, g.largest_text_pt = largest * unit;
  return g;
}

// CSS px per pt: at most natural size (4/3), shrunk to the page and to a comfortable largest
// text, but not so far that the smallest text falls below legible_px; a drawing that cannot be
// that legible at page width is fitted to the page with its smallest text at least smallest_px.
double px_per_pt(const SvgGeometry& g) {
  const double shrink = std::min({4.0 / 3.0, page_width_px / g.width_pt, comfortable_px / g.largest_text_pt});
  const double legible = legible_px / g.smallest_text_pt;
  if (g.width_pt * legible <= page_width_px) return std::max(shrink, legible);
  return std::max(page_width_px / g.width_pt, smallest_px / g.smallest_text_pt);
}

// The <svg> element of Graphviz's output, its width and height set in CSS px.
std::string sized_svg(const std::string& svg) {
  const auto start = svg.find("<svg");
  std::string element = start == std::string::npos ? svg : svg.substr(start);
  const SvgGeometry g = measure(element);
  const double scale = px_per_pt(g);
  char size[96];
  std::snprintf(size, sizeof size, "width=\"%.0fpx\" height=\"%.0fpx\"", g.width_pt * scale, g.height_pt * scale);
  const auto width = element.find("width=\"");
  const auto height_end = element.find('"', element.find("height=\"") + 8);
  if (width != std::string::npos && height_end != std::string::npos)
    element.replace(width, height_end + 1 - width, size);
  return element;
}

// Entities of `spec` by their number of relations in it, most first (ties: vertex order).
std::vector<std::pair<Vertex, std::size_t>> by_degree(const Graph& g, const DiagramSpec& spec) {
  std::map<Vertex, std::size_t> degree;
  for (const Vertex v : spec.entities) degree[v] = 0;
  for (const Edge e : spec.relations) ++degree[boost::source(e, g)], ++degree[boost::target(e, g)];
  std::vector<std::pair<Vertex, std::size_t>> order(degree.begin(), degree.end());
  std::ranges::stable_sort(order, std::greater<>(), &std::pair<Vertex, std::size_t>::second);
  return order;
}

// `hub` and its most connected neighbours in `spec` (by `rank`), at most `most`.
std::vector<Vertex> around(const Graph& g, const DiagramSpec& spec, Vertex hub, std::size_t most,
                           const std::map<Vertex, std::size_t>& rank) {
  std::vector<Vertex> neighbours;
  for (const Edge e : spec.relations) {
    const Vertex s = boost::source(e, g), t = boost::target(e, g);
    if (s == hub || t == hub) neighbours.push_back(s == hub ? t : s);
  }
  std::ranges::sort(neighbours, {}, [&](Vertex v) { return rank.at(v); });
  // std:: algorithms where std::ranges ones return a subrange: clang 14 (clang-tidy, the fuzz
  // build) cannot compile libstdc++ 12's subrange.
  neighbours.erase(std::unique(neighbours.begin(), neighbours.end()), neighbours.end());
  if (neighbours.size() > most) neighbours.resize(most);
  neighbours.push_back(hub);
  return neighbours;
}

// The hubs details are drawn around: the most connected people, groups and businesses first,
// then places, agencies and events; at most detail_count.
std::vector<std::pair<Vertex, std::size_t>> hubs(const KnowledgeGraph& graph,
                                                 std::vector<std::pair<Vertex, std::size_t>> order) {
  std::stable_partition(order.begin(), order.end(), [&](const auto& entry) {
    const EntityType type = graph.entity(entry.first).type;
    return type != EntityType::place && type != EntityType::agency && type != EntityType::event;
  });
  order.resize(std::min(detail_count, order.size()));
  return order;
}

// "1 entity", "2 entities": `what` is the singular, `plural` its plural.
std::string count_of(std::size_t n, std::string_view what, std::string_view plural = {}) {
  return std::to_string(n) + " " + std::string(n == 1 ? what : plural.empty() ? std::string(what) + "s" : plural);
}

// The width in CSS px a drawing needs for its smallest text to be `px`.
double width_at(const SvgGeometry& g, double px) { return g.width_pt * px / g.smallest_text_pt; }

// Whether a drawing reads whole at page width with its smallest text legible.
bool fits_page(const std::string& svg) { return width_at(measure(svg), legible_px) <= page_width_px; }

// The camps of the conflict `spec` shows (assign_sides) when it is what the spec is about: each
// camp drawn, and the camps holding at least half of the spec's criminal-network entities (people,
// groups, businesses); else none.
std::vector<DiagramCamp> drawn_camps(const GraphView& view, const FactionReport& conflicts, const DiagramSpec& spec) {
  DiagramSpec sided = spec;
  if (assign_sides(sided, view, conflicts) != 2) return {};
  std::size_t in_camps = 0;
  for (const auto& camp : sided.camps) {
    if (camp.entities.empty()) return {};
    in_camps += camp.entities.size();
  }
  const auto criminal = std::ranges::count_if(
      spec.entities, [&](Vertex v) { return layer_of(view.knowledge_graph().entity(v).type) == Layer::criminal; });
  return 2 * in_camps >= static_cast<std::size_t>(criminal) ? sided.camps : std::vector<DiagramCamp>{};
}

// The entities of `camp` and their neighbours of no camp, most connected first (by `rank`).
std::vector<Vertex> camp_and_neighbours(const Graph& g, const DiagramSpec& spec, const std::vector<DiagramCamp>& camps,
                                        std::size_t index, const std::map<Vertex, std::size_t>& rank) {
  std::set<Vertex> in_camp;
  for (const auto& camp : camps) in_camp.insert(camp.entities.begin(), camp.entities.end());
  const std::set<Vertex> own(camps[index].entities.begin(), camps[index].entities.end());
  std::set<Vertex> chosen = own;
  for (const Edge e : spec.relations) {
    const Vertex s = boost::source(e, g), t = boost::target(e, g);
    if (own.contains(s) && !in_camp.contains(t)) chosen.insert(t);
    if (own.contains(t) && !in_camp.contains(s)) chosen.insert(s);
  }
  std::vector<Vertex> out(chosen.begin(), chosen.end());
  std::ranges::sort(out, {}, [&](Vertex v) { return std::pair(!own.contains(v), rank.at(v)); });
  return out;
}

// One figure per camp: the camp's most connected entities and their neighbours of no camp.
std::string camp_details(Links& links, const DiagramSpec& spec, const std::vector<DiagramCamp>& camps,
                         const std::map<Vertex, std::size_t>& rank, std::string_view what) {
  const Graph& g = links.graph().graph();
  std::string out;
  for (std::size_t i = 0; i < camps.size(); ++i) {
    const std::vector<Vertex> order = camp_and_neighbours(g, spec, camps, i, rank);
    const Drawing detail = largest_fitting(links.graph(), {16, 12, 9, 7, 5}, [&](std::size_t most) {
      const std::vector<Vertex> kept(order.begin(),
                                     order.begin() + static_cast<std::ptrdiff_t>(std::min(most, order.size())));
      DiagramSpec part = restrict_spec(links.graph(), spec, kept);
      part.legend = false;  // the overview above carries the key
      return part;
    });
    const auto shown = static_cast<std::size_t>(std::ranges::count_if(detail.spec.entities, [&](Vertex v) {
      return std::ranges::find(camps[i].entities, v) != camps[i].entities.end();
    }));
    out += "<h4>" + html_escape(camps[i].name) + "</h4>\n" +
           figure(links, detail,
                  count_of(shown, "entity", "entities") + " of this side (of " +
                      count_of(camps[i].entities.size(), "entity", "entities") + " in the " + std::string(what) +
                      "), with the places, agencies and events of no side they are tied to, and the relations "
                      "among them.");
  }
  return out;
}

// One figure around each of the most connected people and groups: the hub and its most connected
// neighbours.
std::string hub_details(Links& links, const DiagramSpec& spec, const std::vector<std::pair<Vertex, std::size_t>>& order,
                        const std::map<Vertex, std::size_t>& rank, std::string_view what) {
  const Graph& g = links.graph().graph();
  std::string out;
  for (const auto& entry : hubs(links.graph(), order)) {
    const Vertex hub = entry.first;  // not a structured binding: clang 14 cannot capture one
    const std::size_t ties = entry.second;
    const Drawing detail = largest_fitting(links.graph(), {detail_neighbours, 4, 3}, [&](std::size_t most) {
      DiagramSpec part = restrict_spec(links.graph(), spec, around(g, spec, hub, most, rank));
      part.legend = false;  // the overview above carries the key
      return part;
    });
    out += "<h4>Around " + links.entity(hub) + "</h4>\n" +
           figure(links, detail,
                  "Its " + count_of(detail.spec.entities.size() - 1, "most connected neighbour") + " (of " +
                      count_of(ties, "tie") + " in the " + std::string(what) + "), and the relations among them.");
  }
  return out;
}

}  // namespace

// Titled by the heading above it rather than in the picture.
Drawing draw(const KnowledgeGraph& graph, DiagramSpec spec) {
  spec.title.clear();
  spec.caption = false;                             // the figure's own caption and the page's source list say it
  spec.link_base.clear();                           // the cards on the same page
  if (spec.relations.empty()) spec.legend = false;  // a legend of no kinds is an empty table Graphviz refuses
  std::string svg = render_diagram(graph, spec, DiagramFormat::svg, "dot");
  return {std::move(spec), std::move(svg)};
}

Drawing largest_fitting(const KnowledgeGraph& graph, std::initializer_list<std::size_t> sizes,
                        const std::function<DiagramSpec(std::size_t)>& make) {
  Drawing drawing;
  for (const std::size_t size : sizes) {
    drawing = draw(graph, make(size));
    if (fits_page(drawing.svg)) break;
  }
  return drawing;
}

DiagramSpec restrict_spec(const KnowledgeGraph& graph, const DiagramSpec& spec, std::vector<Vertex> vertices) {
  std::ranges::sort(vertices);
  const auto kept = [&](Vertex v) {
    return std::ranges::binary_search(vertices, v);
  };
  DiagramSpec out = spec;
  out.entities = vertices;
  out.relations.clear();
  out.highlighted.clear();
  for (auto& camp : out.camps) std::erase_if(camp.entities, [&](Vertex v) { return !kept(v); });
  const Graph& g = graph.graph();
  for (const Edge e : spec.relations)
    if (kept(boost::source(e, g)) && kept(boost::target(e, g))) out.relations.push_back(e);
  return out;
}

std::string figure(Links& links, const Drawing& drawing, std::string_view caption) {
  for (const Vertex v : drawing.spec.entities) links.add_card(v);
  return "<figure>" + sized_svg(drawing.svg) + "<figcaption>" + html_escape(caption) + "</figcaption></figure>\n";
}

std::string figures(Links& links, const GraphView& view, const FactionReport& conflicts, const DiagramSpec& spec,
                    std::string_view what) {
  const std::string whole = count_of(spec.entities.size(), "entity", "entities") + ", " +
                            count_of(spec.relations.size(), "relation");
  if (spec.entities.size() <= most_drawn) {
    const Drawing drawn = draw(links.graph(), spec);
    if (fits_page(drawn.svg)) return figure(links, drawn, whole + ".");
  }
  const Graph& g = links.graph().graph();
  const auto order = by_degree(g, spec);
  std::map<Vertex, std::size_t> rank;
  for (std::size_t i = 0; i < order.size(); ++i) rank[order[i].first] = i;
  DiagramSpec sided = spec;
  sided.camps = drawn_camps(view, conflicts, spec);
  const auto top = [&](std::size_t size) {
    std::vector<Vertex> out;
    for (std::size_t i = 0; i < std::min(size, order.size()); ++i) out.push_back(order[i].first);
    return restrict_spec(links.graph(), sided, out);
  };
  std::string out = "<p class=\"note\">Too large to read as one picture (" + whole +
                    "): the most connected entities first, then " +
                    (sided.camps.empty() ? "the ties around the most connected people and groups"
                                         : "each side of the conflict it shows") +
                    "; every tie is in the cards.</p>\n";
  const Drawing overview = largest_fitting(links.graph(), {overview_size, 7, 5}, top);
  out += figure(links, overview,
                "The " + count_of(overview.spec.entities.size(), "entity", "entities") + " of the " +
                    std::string(what) + " with the most ties, and the " +
                    count_of(overview.spec.relations.size(), "relation") + " among them.");
  return out + (sided.camps.empty() ? hub_details(links, spec, order, rank, what)
                                    : camp_details(links, sided, sided.camps, rank, what));
}

}  // namespace cartelgraph::dossier
