#include "cartelgraph/render/diagram.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "cartelgraph/render/escape.hpp"
#include "cartelgraph/render/graphviz_library.hpp"
#include "cartelgraph/render/kind_style.hpp"
#include "cartelgraph/render/labels.hpp"

namespace cartelgraph {

namespace {

// Graphviz's functions, loaded on first use (render/graphviz_library.hpp).
const GraphvizLibrary& gv() { return graphviz_library(); }

// ---- RAII owners of the Graphviz lifecycle (gvContext → agopen → gvLayout → gvRender →
// gvFreeLayout → agclose → gvFreeContext) -----------------------------------------------

struct ContextDeleter {
  void operator()(GVC_t* context) const { gv().gvFreeContext(context); }
};
struct GraphDeleter {
  void operator()(Agraph_t* graph) const { gv().agclose(graph); }
};
using ContextHandle = std::unique_ptr<GVC_t, ContextDeleter>;
using GraphHandle = std::unique_ptr<Agraph_t, GraphDeleter>;

// One Graphviz context for the whole process: Graphviz 2.42 caches the last font name in a static
// that gvFreeContext frees, so a second context in the same process reads freed memory (seen
// under AddressSanitizer). The context is freed once, at exit. Not thread-safe, like Graphviz.
// Graphviz's warnings are left unsaid (errors still fail a render): the legend's row of swatches
// is a table of fixed size, which Graphviz would otherwise widen to the caption's width, and warns
// of as "fixed table size with unspecified width or height".
GVC_t* graphviz_context() {
  static const ContextHandle context(gv().gvContext());
  if (!context) throw RenderError("cannot start Graphviz");
  static const bool quiet = (gv().agseterr(AGERR), true);
  (void)quiet;
  return context.get();
}

class LayoutHandle {
 public:
  LayoutHandle(GVC_t* context, Agraph_t* graph, const std::string& engine) : context_(context), graph_(graph) {
    if (gv().gvLayout(context_, graph_, engine.c_str()) != 0)
      throw RenderError("Graphviz cannot lay out with '" + engine + "'");
  }
  ~LayoutHandle() { gv().gvFreeLayout(context_, graph_); }
  LayoutHandle(const LayoutHandle&) = delete;
  LayoutHandle& operator=(const LayoutHandle&) = delete;

 private:
  GVC_t* context_;
  Agraph_t* graph_;
};

// Graphviz 2.42 takes char* for strings it only reads or copies (agsafeset, agnode and agopen
// copy them into the graph's string pool).
char* text(const std::string& s) { return const_cast<char*>(s.c_str()); }

void set(void* object, const std::string& name, const std::string& value) {
  gv().agsafeset(object, text(name), text(value), text(std::string()));
}

// Graphviz reads backslash sequences (\n, \N, \G, …) and HTML entities (&amp;, &#233;) in labels
// and tooltips: a backslash must be doubled, and an '&' that starts something entity-like
// escaped, for the text to come out as written. Graphviz copies control characters into its SVG
// as they are, where XML forbids them: all but tab, newline and carriage return become U+FFFD.
std::string label_text(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\') {
      out += "\\\\";
    } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      out += "\xEF\xBF\xBD";
    } else if (c == '&') {
      std::size_t j = i + 1;
      while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '#')) ++j;
      out += (j > i + 1 && j < s.size() && s[j] == ';') ? "&amp;" : "&";
    } else {
      out += c;
    }
  }
  return out;
}

struct TypeStyle {
  const char* shape;
  const char* style;
  const char* fill;
};

TypeStyle type_style(EntityType type) {
  switch (type) {
    case EntityType::organization: return {"box", "filled,rounded,bold", "#f4cccc"};
    case EntityType::faction: return {"box", "filled,rounded,dashed", "#fce5cd"};
    case EntityType::person: return {"ellipse", "filled", "#cfe2f3"};
    case EntityType::place: return {"house", "filled", "#d9ead3"};
    case EntityType::agency: return {"box3d", "filled", "#d9d2e9"};
    case EntityType::business: return {"note", "filled", "#fff2cc"};
    case EntityType::event: return {"diamond", "filled", "#eeeeee"};
  }
  return {"ellipse", "filled", "#ffffff"};
}

// The fills of the camps with --sides: light tints of Okabe–Ito blue and orange, and their
// outlines.
constexpr std::array<const char*, 2> camp_fills = {"#c6e2f5", "#fbe0b0"};
constexpr std::array<const char*, 2> camp_lines = {"#0072B2", "#E69F00"};

// Text for a Graphviz HTML-like label: markup escaped, and the control characters XML forbids
// (which Graphviz's parser rejects) as U+FFFD.
std::string html_text(std::string_view s) {
  std::string out;
  for (const char c : html_escape(s)) {
    if (static_cast<unsigned char>(c) < 0x20) out += "\xEF\xBF\xBD";
    else out += c;
  }
  return out;
}

// Lines of text joined by <BR/>, each escaped.
std::string html_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? "<BR/>" : "") + html_text(lines[i]);
  return out;
}

void set_html(void* object, Agraph_t* g, const std::string& name, const std::string& html) {
  gv().agsafeset(object, text(name), gv().agstrdup_html(g, text(html)), text(""));
}

std::string citation_lines(const std::vector<Citation>& citations) {
  std::string out;
  for (const auto& c : citations) out += "\n" + c.source + " §" + c.section + ": " + c.note;
  return out;
}

std::string node_tooltip(const Entity& entity) {
  std::string tip = entity.name + " (" + std::string(to_string(entity.type)) + ")";
  if (!entity.known_as.empty()) tip += "\nKnown as: " + entity.known_as;
  if (!entity.aliases.empty()) {
    tip += "\nAlso known as: ";
    for (std::size_t i = 0; i < entity.aliases.size(); ++i) tip += (i ? "; " : "") + entity.aliases[i];
  }
  tip += "\n" + entity.description + citation_lines(entity.sources);
  return tip;
}

// The name the entity is known by, wrapped, with its legal name smaller beneath when they differ.
std::string node_label(const Entity& entity) {
  const std::string_view shown = display_name(entity);
  std::string html = html_lines(wrap_words(shown.empty() ? std::string_view(entity.id) : shown, 18));
  if (shown != entity.name && !entity.name.empty())
    html += "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"#444444\">" + html_lines(wrap_words(entity.name, 24)) + "</FONT>";
  return html;
}

// The ties that draw an entity inside a group with --cluster: a person's membership and the
// hierarchy ties of a group still part of its parent (not an offshoot, which split away).
bool is_structural(RelationKind kind) { return is_membership(kind) || stays_inside(kind); }

// The organization each entity is drawn inside with --cluster: follow structural ties upward
// to a group that is not itself part of another.
std::map<Vertex, Vertex> cluster_roots(const KnowledgeGraph& graph, const DiagramSpec& spec) {
  std::map<Vertex, Vertex> parent;
  const Graph& g = graph.graph();
  for (const Edge e : spec.relations)
    if (is_structural(graph.relation(e).kind)) parent.emplace(boost::source(e, g), boost::target(e, g));
  std::map<Vertex, Vertex> root;
  for (const auto& [child, unused] : parent) {
    Vertex top = child;
    for (std::size_t hops = 0; parent.contains(top) && hops < parent.size(); ++hops) top = parent.at(top);
    root[child] = top;
  }
  for (const auto& [child, top] : std::map<Vertex, Vertex>(root)) root.emplace(top, top);
  return root;
}

// ---- Ties: the relations between one pair of entities, drawn as one edge -----------------

struct Tie {
  Vertex from;  // the surest relation's ends: the edge's direction
  Vertex to;
  std::vector<Edge> relations;
  Edge surest;  // the most certain, a current one before an ended one
};

bool surer(const Relation& a, const Relation& b) {
  if (a.confidence != b.confidence) return a.confidence > b.confidence;
  return !end_bound(a) && end_bound(b);
}

// The relations grouped by unordered pair of ends, in the order of each pair's first relation.
std::vector<Tie> merge_parallel(const KnowledgeGraph& graph, const std::vector<Edge>& relations) {
  const Graph& g = graph.graph();
  std::vector<Tie> ties;
  std::map<std::pair<Vertex, Vertex>, std::size_t> index;
  for (const Edge e : relations) {
    const Vertex a = boost::source(e, g);
    const Vertex b = boost::target(e, g);
    const auto [it, added] = index.emplace(std::minmax(a, b), ties.size());
    if (added) ties.push_back({a, b, {}, e});
    Tie& tie = ties[it->second];
    tie.relations.push_back(e);
    if (surer(graph.relation(e), graph.relation(tie.surest))) tie = {a, b, std::move(tie.relations), e};
  }
  return ties;
}

bool is_ended(const Relation& relation) { return end_bound(relation).has_value(); }

// "arrested by 2018-05", "← leads" (a relation drawn against the edge's direction).
std::string tie_line(const KnowledgeGraph& graph, const Tie& tie, Edge e) {
  const Relation& relation = graph.relation(e);
  const bool against = !kind_info(relation.kind).symmetric && boost::source(e, graph.graph()) != tie.from;
  std::string line = (against ? "← " : "") + std::string(kind_label(relation.kind));
  if (const std::string dates = edge_dates(relation); !dates.empty())
    line += (dates.starts_with("known") ? ", " : " ") + dates;
  return line;
}

std::string tie_tooltip(const KnowledgeGraph& graph, const Tie& tie) {
  const Graph& g = graph.graph();
  std::string tip;
  for (const Edge e : tie.relations) {
    const Relation& relation = graph.relation(e);
    tip += (tip.empty() ? "" : "\n\n") + graph.entity(boost::source(e, g)).name + " " +
           std::string(kind_label(relation.kind)) + " " + graph.entity(boost::target(e, g)).name + "\n" +
           date_span(relation) + ", " + std::string(to_string(relation.confidence)) + citation_lines(relation.sources);
  }
  return tip;
}

// A colour faded for an ended tie: the same hue at a third of its opacity.
std::string faded(std::string_view color, bool ended) { return std::string(color) + (ended ? "55" : ""); }

// The edge of a tie: coloured by the family of its surest relation, dashed by that relation's
// confidence, faded when it has ended, bold when highlighted; every relation in its label and
// tooltip.
// Without `labelled`, the edge has no label (too many edges to read them: the legend and tooltips
// say the kinds). A label has a white ground, to read where it crosses a line (engines other than
// dot draw it on the middle of its edge: place_edge_labels).
void add_tie(Agraph_t* g, const KnowledgeGraph& graph, const Tie& tie, Agnode_t* from, Agnode_t* to, bool highlighted,
             bool labelled) {
  const Relation& surest = graph.relation(tie.surest);
  const KindStyle& look = kind_style(surest.kind);
  const bool ended = std::ranges::all_of(tie.relations, [&](Edge e) { return is_ended(graph.relation(e)); });
  Agedge_t* edge = gv().agedge(g, from, to, nullptr, 1);
  std::vector<std::string> lines = {tie_line(graph, tie, tie.surest)};
  for (const Edge e : tie.relations)
    if (e != tie.surest) lines.push_back(tie_line(graph, tie, e));
  if (labelled)
    set_html(edge, g, "label",
             "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\" BGCOLOR=\"#ffffffcc\"><TR><TD>" +
                 html_lines(lines) + "</TD></TR></TABLE>");
  const std::string color = faded(kind_color(surest.kind), ended);
  set(edge, "color", look.double_line ? color + ":invis:" + color : color);
  set(edge, "fontcolor", faded("#333333", ended));
  set(edge, "style", std::string(confidence_dash(surest.confidence)));
  set(edge, "penwidth", highlighted ? "3" : std::string(confidence_width(surest.confidence)));
  set(edge, "arrowhead", std::string(look.arrowhead));
  if (kind_info(surest.kind).symmetric)
    set(edge, "dir", look.arrowhead == "none" ? "none" : "both"), set(edge, "arrowtail", std::string(look.arrowhead));
  set(edge, "tooltip", label_text(tie_tooltip(graph, tie)));
}

// ---- The legend and caption, under the picture ---------------------------------------------

// What the picture contains, for its legend.
struct Contents {
  std::set<EntityType> types;
  std::set<KindFamily> families;
  std::set<Confidence> confidences;
  bool ended = false;
  bool highlighted = false;
};

Contents contents(const KnowledgeGraph& graph, const DiagramSpec& spec, const std::vector<Tie>& ties) {
  Contents c;
  const std::set<Vertex> in_camp = [&] {
    std::set<Vertex> all;
    for (const auto& camp : spec.camps) all.insert(camp.entities.begin(), camp.entities.end());
    return all;
  }();
  for (const Vertex v : spec.entities)
    if (!in_camp.contains(v)) c.types.insert(graph.entity(v).type);
  for (const Tie& tie : ties) {
    const Relation& surest = graph.relation(tie.surest);
    c.families.insert(kind_family(surest.kind));
    c.confidences.insert(surest.confidence);
    c.ended = c.ended || std::ranges::all_of(tie.relations, [&](Edge e) { return is_ended(graph.relation(e)); });
  }
  c.highlighted = !spec.highlighted.empty();
  return c;
}

// One entry of a legend row: a coloured sample and its name, spaced from the next entry.
std::string legend_entry(std::string_view color, std::string_view sample, const std::string& name) {
  return "<FONT COLOR=\"" + std::string(color) + "\">" + std::string(sample) + "</FONT> " + html_text(name) +
         "&#160;&#160;&#160;&#160;";
}

// One swatch of a legend's nodes row: a small box filled and outlined as the nodes are (a pale
// fill reads in print and PNG by its outline), and its name.
std::string swatch(std::string_view fill, std::string_view line, const std::string& name) {
  return "<TD FIXEDSIZE=\"TRUE\" WIDTH=\"16\" HEIGHT=\"11\" BORDER=\"1\" COLOR=\"" + std::string(line) +
         "\" BGCOLOR=\"" + std::string(fill) + "\"></TD><TD>&#160;" + html_text(name) + "&#160;&#160;&#160;&#160;</TD>";
}

// The legend's rows (nodes or sides, tie families, line styles), each only with what the picture
// contains, and none stretched to the caption's width: the nodes row a table of its own (its
// swatches are cells), the others text.
std::vector<std::string> legend_rows(const DiagramSpec& spec, const Contents& c) {
  std::string nodes;
  for (std::size_t i = 0; i < spec.camps.size() && i < camp_fills.size(); ++i)
    if (!spec.camps[i].entities.empty()) nodes += swatch(camp_fills[i], camp_lines[i], spec.camps[i].name);
  for (const EntityType type : c.types) nodes += swatch(type_style(type).fill, "#000000", std::string(to_string(type)));
  std::string ties;
  for (const KindFamily family : c.families)
    ties += legend_entry(family_color(family), "━━━", std::string(family_label(family)));
  // ungraded (thin dots, spaced), alleged, reported, confirmed
  static constexpr std::array<const char*, 4> dashes = {"⋅&#160;&#160;⋅&#160;&#160;⋅", "· · · · ·", "– – –", "———"};
  std::string lines;
  for (const Confidence level : c.confidences)
    lines += legend_entry("#000000", dashes[static_cast<std::size_t>(level)], std::string(to_string(level)));
  if (c.ended) lines += legend_entry("#00000055", "———", "ended");
  if (c.highlighted) lines += legend_entry("#000000", "<B>━━━</B>", spec.highlight_note);
  std::vector<std::string> rows;
  if (!nodes.empty())
    rows.push_back(
        "<TABLE FIXEDSIZE=\"TRUE\" ALIGN=\"LEFT\" BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\"><TR><TD><B>" +
        std::string(spec.camps.empty() ? "Nodes" : "Sides") + "</B>&#160;&#160;&#160;</TD>" + nodes + "</TR></TABLE>");
  if (!ties.empty()) rows.push_back("<B>Ties</B>   " + ties);
  if (!lines.empty()) rows.push_back("<B>Lines</B>   " + lines);
  return rows;
}

std::string caption_row(const std::string& html, int size, const char* color = "#000000") {
  return "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"" + std::to_string(size) + "\" COLOR=\"" + color +
         "\">" + html + "</FONT></TD></TR>";
}

// The block under the picture: title, view, legend, sources, data and date, each when present.
std::string caption_block(const KnowledgeGraph& graph, const DiagramSpec& spec, const std::vector<Tie>& ties) {
  std::string rows;
  if (!spec.title.empty()) rows += caption_row("<B>" + html_lines(wrap_words(spec.title, 90)) + "</B>", 16);
  if (spec.caption && !spec.notes.view.empty()) rows += caption_row(html_lines(wrap_words(spec.notes.view, 110)), 10);
  if (spec.legend && !spec.entities.empty())
    for (const std::string& row : legend_rows(spec, contents(graph, spec, ties))) rows += caption_row(row, 10);
  if (spec.caption) {
    const std::string credit = source_credit(graph, spec.relations, spec.entities);
    if (!credit.empty()) rows += caption_row(html_lines(wrap_words(credit, 150)), 9, "#333333");
    std::string drawn = "Drawn with cartelgraph";
    if (!spec.notes.drawn_on.empty()) drawn += " on " + spec.notes.drawn_on;
    if (!spec.notes.data.empty()) drawn += " from " + spec.notes.data;
    rows += caption_row(html_text(drawn), 9, "#333333");
  }
  return rows.empty() ? rows : "<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"0\">" + rows + "</TABLE>";
}

// An empty directed graph with the diagram's fonts; its label (the caption block) goes under it.
GraphHandle open_graph() {
  GraphHandle g(gv().agopen(text("cartelgraph"), *gv().Agdirected, nullptr));
  set(g.get(), "labelloc", "b");
  set(g.get(), "labeljust", "l");
  set(g.get(), "fontname", "DejaVu Sans");
  set(g.get(), "overlap", "false");
  set(g.get(), "splines", "true");
  set(g.get(), "newrank",
      "true");  // ranks across clusters; also avoids a spline-routing fault of Graphviz 2.42 with clusters
  set(g.get(), "outputorder", "edgesfirst");
  set(g.get(), "pad", "0.2");
  gv().agattr(g.get(), AGNODE, text("fontname"), text("DejaVu Sans"));
  gv().agattr(g.get(), AGNODE, text("fontsize"), text("12"));
  gv().agattr(g.get(), AGEDGE, text("fontname"), text("DejaVu Sans"));
  gv().agattr(g.get(), AGEDGE, text("fontsize"), text("9"));
  return g;
}

// ---- Nodes ----------------------------------------------------------------------------------

// Where each entity is drawn: its camp (with --sides) and the group it is drawn inside (with
// --cluster); the subgraphs are made on first use.
class Placement {
 public:
  Placement(Agraph_t* g, const KnowledgeGraph& graph, const DiagramSpec& spec)
      : g_(g), graph_(graph), spec_(spec), camps_(std::min(spec.camps.size(), camp_fills.size()), nullptr) {
    if (spec.cluster) roots_ = cluster_roots(graph, spec);
    for (std::size_t i = 0; i < camps_.size(); ++i)
      for (const Vertex v : spec.camps[i].entities) camp_of_.emplace(v, i);
  }

  std::optional<std::size_t> camp(Vertex v) const {
    const auto it = camp_of_.find(v);
    return it == camp_of_.end() ? std::nullopt : std::optional(it->second);
  }

  // The subgraph `v` is drawn in. A group's cluster sits inside the camp of its group.
  Agraph_t* parent(Vertex v) {
    const auto in_camp = camp(v);
    Agraph_t* outer = in_camp ? camp_cluster(*in_camp) : g_;
    const auto it = roots_.find(v);
    if (it == roots_.end() || camp(it->second) != in_camp) return outer;
    auto& cluster = clusters_[it->second];
    if (!cluster) {
      cluster = gv().agsubg(outer, text("cluster_" + anchor_id(graph_.entity(it->second).id)), 1);
      set(cluster, "label", label_text(std::string(display_name(graph_.entity(it->second)))));
      set(cluster, "style", "rounded,dashed");
      set(cluster, "color", "gray50");
    }
    return cluster;
  }

 private:
  // The frame of camp `i`, made on first use: a camp with no entity drawn has none.
  Agraph_t* camp_cluster(std::size_t i) {
    if (!camps_[i]) {
      camps_[i] = gv().agsubg(g_, text("cluster side " + std::to_string(i)), 1);  // a space: no entity's cluster name
      set(camps_[i], "label", label_text(spec_.camps[i].name));
      set(camps_[i], "style", "rounded");
      set(camps_[i], "color", camp_lines[i]);
      set(camps_[i], "penwidth", "2");
      set(camps_[i], "fontsize", "14");
    }
    return camps_[i];
  }

  Agraph_t* g_;
  const KnowledgeGraph& graph_;
  const DiagramSpec& spec_;
  std::map<Vertex, Vertex> roots_;
  std::vector<Agraph_t*> camps_;
  std::map<Vertex, std::size_t> camp_of_;
  std::map<Vertex, Agraph_t*> clusters_;
};

// One node per entity of the spec, in its camp or cluster; the nodes by vertex.
std::map<Vertex, Agnode_t*> add_entities(Agraph_t* g, const KnowledgeGraph& graph, const DiagramSpec& spec) {
  Placement placement(g, graph, spec);
  std::map<Vertex, Agnode_t*> nodes;
  for (const Vertex v : spec.entities) {
    const Entity& entity = graph.entity(v);
    // cgraph keys nodes by name: the entity id, which is unique (anchor_id keeps it so, and safe
    // where Graphviz writes or expands names).
    const std::string anchor = anchor_id(entity.id);
    Agnode_t* node = gv().agnode(placement.parent(v), text(anchor), 1);
    const TypeStyle style = type_style(entity.type);
    set_html(node, g, "label", node_label(entity));
    set(node, "shape", style.shape);
    set(node, "style", style.style);
    const auto camp = placement.camp(v);
    set(node, "fillcolor", camp ? camp_fills[*camp] : style.fill);
    if (camp) set(node, "color", camp_lines[*camp]);
    set(node, "margin", "0.08,0.04");
    set(node, "tooltip", label_text(node_tooltip(entity)));
    set(node, "id", "node-" + anchor);
    set(node, "URL", label_text(spec.link_base) + "#entity-" + anchor);
    nodes[v] = node;
  }
  return nodes;
}

// Above this many edges a picture's edges carry no label (an overview of a whole network).
constexpr std::size_t most_labelled_edges = 100;

GraphHandle build(const KnowledgeGraph& graph, const DiagramSpec& spec) {
  GraphHandle g = open_graph();
  const std::map<Vertex, Agnode_t*> nodes = add_entities(g.get(), graph, spec);
  const std::set<Edge> highlighted(spec.highlighted.begin(), spec.highlighted.end());
  std::vector<Edge> drawn;
  for (const Edge e : spec.relations)
    if (nodes.contains(boost::source(e, graph.graph())) && nodes.contains(boost::target(e, graph.graph())))
      drawn.push_back(e);
  const std::vector<Tie> ties = merge_parallel(graph, drawn);
  for (const Tie& tie : ties)
    add_tie(g.get(), graph, tie, nodes.at(tie.from), nodes.at(tie.to),
            std::ranges::any_of(tie.relations, [&](Edge e) { return highlighted.contains(e); }),
            ties.size() <= most_labelled_edges);
  if (const std::string block = caption_block(graph, spec, ties); !block.empty())
    set_html(g.get(), g.get(), "label", block);
  return g;
}

}  // namespace

std::optional<DiagramFormat> format_for_path(const std::filesystem::path& path) {
  const std::string extension = path.extension().string();
  if (extension == ".dot" || extension == ".gv") return DiagramFormat::dot;
  if (extension == ".svg") return DiagramFormat::svg;
  if (extension == ".png") return DiagramFormat::png;
  if (extension == ".pdf") return DiagramFormat::pdf;
  return std::nullopt;
}

std::string default_layout(const DiagramSpec& spec) { return spec.entities.size() > 300 ? "sfdp" : "dot"; }

namespace {

constexpr double widest = 16.0 / 9.0;  // the widest picture drawn, width over height

// Width over height of the laid-out drawing, caption included.
double aspect(Agraph_t* g) {
  const boxf box = GD_bb(g);
  const double height = box.UR.y - box.LL.y;
  return height > 0 ? (box.UR.x - box.LL.x) / height : 1;
}

// Spreads the leaves (nodes with one edge) around each node over `levels` ranks, as Graphviz's
// `unflatten -l` does: their edges get minlen 1, 2, …, levels in turn, so that a star of many
// leaves is drawn over a few rows rather than one wide one. Returns the number of leaves.
std::size_t stagger_leaves(Agraph_t* g, int levels) {
  std::map<Agnode_t*, int> next;
  std::size_t leaves = 0;
  for (Agnode_t* n = gv().agfstnode(g); n; n = gv().agnxtnode(g, n)) {
    if (gv().agdegree(g, n, 1, 1) != 1) continue;
    Agedge_t* e = gv().agfstedge(g, n);
    Agnode_t* hub = aghead(e) == n ? agtail(e) : aghead(e);
    set(e, "minlen", std::to_string(1 + next[hub]++ % levels));
    ++leaves;
  }
  return leaves;
}

// Lays `g` out again with `name` set to `value`.
void relay(std::optional<LayoutHandle>& layout, GVC_t* context, Agraph_t* g, const std::string& engine,
           const std::string& name, const std::string& value) {
  layout.reset();
  set(g, name, value);
  layout.emplace(context, g, engine);
}

// Stretches the drawing's height (Graphviz `ratio`) until the whole picture, caption included,
// is 16:9: the caption keeps its height, so the drawing above it is stretched only by what is
// missing (a few tries, as Graphviz rounds).
void stretch(std::optional<LayoutHandle>& layout, GVC_t* context, Agraph_t* g, const std::string& engine) {
  const double caption = GD_label(g) ? GD_label(g)->dimen.y : 0;
  const boxf box = GD_bb(g);
  const double width = box.UR.x - box.LL.x;
  double ratio = std::max((width / widest - caption) / width, 0.01);  // the drawing's height over width
  for (int attempt = 0; attempt < 3 && aspect(g) > widest + 0.01; ++attempt) {
    if (attempt > 0) ratio *= aspect(g) / widest;
    relay(layout, context, g, engine, "ratio", std::to_string(ratio));
  }
}

// Lays `g` out with `engine` and returns the engine that drew it. With `fit`, a drawing wider
// than 16:9 is laid out again: by dot, first with the leaves of its stars spread over two or three
// ranks, then left to right (a wide rank becomes a column); then, without clusters, by neato,
// which draws a tangle round; only as a last resort is it stretched in height to 16:9.
std::string lay_out(std::optional<LayoutHandle>& layout, GVC_t* context, Agraph_t* g, const std::string& engine,
                    bool fit) {
  layout.emplace(context, g, engine);
  if (!fit || aspect(g) <= widest) return engine;
  if (engine != "dot") {
    stretch(layout, context, g, engine);
    return engine;
  }
  for (const int levels : {2, 3}) {
    layout.reset();
    if (stagger_leaves(g, levels) == 0) break;
    layout.emplace(context, g, engine);
    if (aspect(g) <= widest) return engine;
  }
  relay(layout, context, g, engine, "rankdir", "LR");
  const double sideways = aspect(g);
  if (sideways <= widest && sideways >= 0.5) return engine;
  if (!gv().agfstsubg(g)) {  // neato draws no cluster: sides and groups keep dot
    relay(layout, context, g, "neato", "rankdir", "TB");
    if (aspect(g) <= widest) return "neato";
  }
  relay(layout, context, g, engine, "rankdir", sideways < 0.5 ? "TB" : "LR");
  stretch(layout, context, g, engine);
  return engine;
}

// The point halfway along the first curve of an edge's spline (by length, from 16 samples of
// each cubic Bézier segment); nullopt when the edge was not routed.
std::optional<pointf> spline_midpoint(Agedge_t* e) {
  const splines* spline = ED_spl(e);
  if (!spline || spline->size == 0 || spline->list[0].size < 4) return std::nullopt;
  const bezier& curve = spline->list[0];
  std::vector<pointf> points;
  for (int i = 0; i + 3 < curve.size; i += 3) {
    const pointf* p = curve.list + i;
    for (int k = i == 0 ? 0 : 1; k <= 16; ++k) {
      const double t = k / 16.0, u = 1 - t;
      const double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
      points.push_back(
          {a * p[0].x + b * p[1].x + c * p[2].x + d * p[3].x, a * p[0].y + b * p[1].y + c * p[2].y + d * p[3].y});
    }
  }
  std::vector<double> length(points.size(), 0);
  for (std::size_t i = 1; i < points.size(); ++i)
    length[i] = length[i - 1] + std::hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
  const auto half = std::lower_bound(length.begin(), length.end(), length.back() / 2);
  return points[static_cast<std::size_t>(half - length.begin())];
}

// Moves every edge label onto the middle of its edge (engines other than dot place them loosely,
// away from long or curved edges) and grows the drawing's box to hold them.
void place_edge_labels(Agraph_t* g) {
  boxf& box = GD_bb(g);
  for (Agnode_t* n = gv().agfstnode(g); n; n = gv().agnxtnode(g, n))
    for (Agedge_t* e = gv().agfstout(g, n); e; e = gv().agnxtout(g, e)) {
      textlabel_t* label = ED_label(e);
      const auto middle = label ? spline_midpoint(e) : std::nullopt;
      if (!middle) continue;
      label->pos = *middle;
      label->set = TRUE;
      box.LL.x = std::min(box.LL.x, middle->x - label->dimen.x / 2);
      box.LL.y = std::min(box.LL.y, middle->y - label->dimen.y / 2);
      box.UR.x = std::max(box.UR.x, middle->x + label->dimen.x / 2);
      box.UR.y = std::max(box.UR.y, middle->y + label->dimen.y / 2);
    }
}

}  // namespace

std::string render_diagram(const KnowledgeGraph& graph, const DiagramSpec& spec, DiagramFormat format,
                           std::string_view layout) {
  static constexpr const char* format_names[] = {"dot", "svg", "png", "pdf"};
  GVC_t* const context = graphviz_context();
  const GraphHandle g = build(graph, spec);
  char* data = nullptr;
  unsigned int length = 0;
  const std::string engine(layout);
  std::string result;
  if (format == DiagramFormat::dot && engine == "none") {
    // DOT without positions: cgraph's own writer, into memory.
    std::size_t size = 0;
    FILE* stream = open_memstream(&data, &size);
    if (!stream) throw RenderError("cannot allocate memory for DOT");
    const int status = gv().agwrite(g.get(), stream);
    std::fclose(stream);
    result.assign(data ? data : "", size);
    std::free(data);
    if (status != 0) throw RenderError("Graphviz cannot write DOT");
    return result;
  }
  // Graphviz reads the resolution when it lays out; it scales a bitmap only.
  if (format == DiagramFormat::png) set(g.get(), "dpi", std::to_string(spec.dpi > 0 ? spec.dpi : 150.0));
  std::optional<LayoutHandle> laid_out;
  if (lay_out(laid_out, context, g.get(), engine, spec.fit) != "dot") place_edge_labels(g.get());
  if (gv().gvRenderData(context, g.get(), format_names[static_cast<int>(format)], &data, &length) != 0)
    throw RenderError(std::string("Graphviz cannot render ") + format_names[static_cast<int>(format)]);
  result.assign(data, length);
  gv().gvFreeRenderData(data);
  return result;
}

}  // namespace cartelgraph
