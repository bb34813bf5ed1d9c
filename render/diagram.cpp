#include "cartelgraph/render/diagram.hpp"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>

#include "cartelgraph/queries/neighborhood.hpp"
#include "cartelgraph/queries/paths.hpp"
#include "cartelgraph/render/escape.hpp"
#include "cartelgraph/render/kind_style.hpp"
#include "cartelgraph/render/labels.hpp"

namespace cartelgraph {

namespace {

// ---- RAII owners of the Graphviz lifecycle (gvContext → agopen → gvLayout → gvRender →
// gvFreeLayout → agclose → gvFreeContext) -----------------------------------------------

struct ContextDeleter {
  void operator()(GVC_t* context) const { gvFreeContext(context); }
};
struct GraphDeleter {
  void operator()(Agraph_t* graph) const { agclose(graph); }
};
using ContextHandle = std::unique_ptr<GVC_t, ContextDeleter>;
using GraphHandle = std::unique_ptr<Agraph_t, GraphDeleter>;

// One Graphviz context for the whole process: Graphviz 2.42 caches the last font name in a static
// that gvFreeContext frees, so a second context in the same process reads freed memory (seen
// under AddressSanitizer). The context is freed once, at exit. Not thread-safe, like Graphviz.
GVC_t* graphviz_context() {
  static const ContextHandle context(gvContext());
  if (!context) throw RenderError("cannot start Graphviz");
  return context.get();
}

class LayoutHandle {
 public:
  LayoutHandle(GVC_t* context, Agraph_t* graph, const std::string& engine) : context_(context), graph_(graph) {
    if (gvLayout(context_, graph_, engine.c_str()) != 0)
      throw RenderError("Graphviz cannot lay out with '" + engine + "'");
  }
  ~LayoutHandle() { gvFreeLayout(context_, graph_); }
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
  agsafeset(object, text(name), text(value), text(std::string()));
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

std::string citation_lines(const std::vector<Citation>& citations) {
  std::string out;
  for (const auto& c : citations) out += "\n" + c.source + " §" + c.section + ": " + c.note;
  return out;
}

std::string node_tooltip(const Entity& entity) {
  std::string tip = entity.name + " (" + std::string(to_string(entity.type)) + ")";
  if (!entity.aliases.empty()) {
    tip += "\nAlso known as: ";
    for (std::size_t i = 0; i < entity.aliases.size(); ++i) tip += (i ? "; " : "") + entity.aliases[i];
  }
  tip += "\n" + entity.description + citation_lines(entity.sources);
  return tip;
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

void add_legend(Agraph_t* g, const KnowledgeGraph& graph, const DiagramSpec& spec) {
  std::set<EntityType> types;
  for (const Vertex v : spec.entities) types.insert(graph.entity(v).type);
  std::set<RelationKind> kinds;
  bool alleged = false;
  for (const Edge e : spec.relations) {
    kinds.insert(graph.relation(e).kind);
    alleged = alleged || graph.relation(e).confidence == Confidence::alleged;
  }
  // A space: no entity's cluster can have this name (anchor_id never makes one).
  Agraph_t* legend = agsubg(g, text("cluster legend"), 1);
  set(legend, "label", "Legend");
  set(legend, "style", "rounded");
  set(legend, "color", "gray60");
  Agnode_t* previous = nullptr;
  for (const EntityType type : types) {
    const std::string name = "legend type " + std::string(to_string(type));
    Agnode_t* node = agnode(legend, text(name), 1);
    const TypeStyle style = type_style(type);
    set(node, "label", std::string(to_string(type)));
    set(node, "shape", style.shape);
    set(node, "style", style.style);
    set(node, "fillcolor", style.fill);
    if (previous) {  // an invisible chain keeps the legend compact
      Agedge_t* chain = agedge(legend, previous, node, nullptr, 1);
      set(chain, "style", "invis");
    }
    previous = node;
  }
  std::string table = "<TABLE BORDER=\"0\" CELLSPACING=\"2\">";
  for (const RelationKind kind : kinds) {
    const KindStyle& look = kind_style(kind);
    table += "<TR><TD><FONT COLOR=\"" + std::string(look.color) + "\">" +
             (look.style == "dotted" ? "· · · ·" : look.style == "dashed" ? "– – –" : "———") + "</FONT></TD><TD ALIGN=\"LEFT\">" +
             html_escape(look.label) + (kind_info(kind).symmetric ? " (both ways)" : " →") + "</TD></TR>";
  }
  if (alleged) table += "<TR><TD><FONT COLOR=\"gray50\">· · · ·</FONT></TD><TD ALIGN=\"LEFT\">alleged (any kind)</TD></TR>";
  table += "</TABLE>";
  Agnode_t* kinds_node = agnode(legend, text("legend kinds"), 1);
  set(kinds_node, "shape", "plaintext");
  agsafeset(kinds_node, text("label"), agstrdup_html(g, text(table)), text(""));
  if (previous) {
    Agedge_t* chain = agedge(legend, previous, kinds_node, nullptr, 1);
    set(chain, "style", "invis");
  }
}

// An empty directed graph with the diagram's title and fonts. The title, which holds names, is
// the label only: the graph's name is written unescaped where Graphviz writes names (a trailing
// backslash would end its DOT string).
GraphHandle open_graph(const std::string& title) {
  GraphHandle g(agopen(text("cartelgraph"), Agdirected, nullptr));
  set(g.get(), "label", label_text(title));
  set(g.get(), "labelloc", "t");
  set(g.get(), "fontname", "DejaVu Sans");
  set(g.get(), "overlap", "false");
  set(g.get(), "splines", "true");
  set(g.get(), "newrank", "true");  // ranks across clusters; also avoids a spline-routing fault of Graphviz 2.42 with clusters
  set(g.get(), "outputorder", "edgesfirst");
  agattr(g.get(), AGNODE, text("fontname"), text("DejaVu Sans"));
  agattr(g.get(), AGEDGE, text("fontname"), text("DejaVu Sans"));
  agattr(g.get(), AGEDGE, text("fontsize"), text("9"));
  return g;
}

// The subgraph an entity is drawn in: its cluster when it has a root (made on first use), else
// the graph itself.
Agraph_t* parent_of(Agraph_t* g, const KnowledgeGraph& graph, const std::map<Vertex, Vertex>& roots,
                    std::map<Vertex, Agraph_t*>& clusters, Vertex v) {
  const auto it = roots.find(v);
  if (it == roots.end()) return g;
  auto& cluster = clusters[it->second];
  if (!cluster) {
    cluster = agsubg(g, text("cluster_" + anchor_id(graph.entity(it->second).id)), 1);
    set(cluster, "label", label_text(graph.entity(it->second).name));
    set(cluster, "style", "rounded,dashed");
    set(cluster, "color", "gray50");
  }
  return cluster;
}

// One node per entity of the spec, inside its cluster with --cluster; the nodes by vertex.
std::map<Vertex, Agnode_t*> add_entities(Agraph_t* g, const KnowledgeGraph& graph, const DiagramSpec& spec) {
  const std::map<Vertex, Vertex> roots = spec.cluster ? cluster_roots(graph, spec) : std::map<Vertex, Vertex>{};
  std::map<Vertex, Agraph_t*> clusters;
  std::map<Vertex, Agnode_t*> nodes;
  for (const Vertex v : spec.entities) {
    const Entity& entity = graph.entity(v);
    // cgraph keys nodes by name: the entity id, which is unique (anchor_id keeps it so, and safe
    // where Graphviz writes or expands names).
    const std::string anchor = anchor_id(entity.id);
    Agnode_t* node = agnode(parent_of(g, graph, roots, clusters, v), text(anchor), 1);
    const TypeStyle style = type_style(entity.type);
    set(node, "label", label_text(entity.name));
    set(node, "shape", style.shape);
    set(node, "style", style.style);
    set(node, "fillcolor", style.fill);
    set(node, "tooltip", label_text(node_tooltip(entity)));
    set(node, "id", "node-" + anchor);
    if (spec.links) set(node, "URL", "#entity-" + anchor);
    nodes[v] = node;
  }
  return nodes;
}

// The edge of relation `e` between two drawn nodes: labelled with its kind and first year,
// coloured by kind (grey and dotted when alleged), bold when highlighted.
void add_relation(Agraph_t* g, const KnowledgeGraph& graph, Edge e, Agnode_t* from, Agnode_t* to,
                  bool highlighted) {
  const Graph& kg = graph.graph();
  const Relation& relation = graph.relation(e);
  const KindStyle& look = kind_style(relation.kind);
  Agedge_t* edge = agedge(g, from, to, nullptr, 1);
  std::string label(look.label);
  if (relation.since) label += " " + std::to_string(relation.since->year());
  set(edge, "label", label_text(label));
  const bool alleged = relation.confidence == Confidence::alleged;
  set(edge, "color", alleged ? "gray50" : std::string(look.color));
  set(edge, "fontcolor", alleged ? "gray50" : std::string(look.color));
  std::string style = alleged ? "dotted" : std::string(look.style);
  if (highlighted) {
    style = "bold";
    set(edge, "penwidth", "3");
  }
  set(edge, "style", style);
  if (kind_info(relation.kind).symmetric) set(edge, "dir", "none");
  set(edge, "tooltip",
      label_text(graph.entity(boost::source(e, kg)).name + " " + std::string(look.label) + " " +
                 graph.entity(boost::target(e, kg)).name + "\n" + date_span(relation) + ", " +
                 std::string(to_string(relation.confidence)) + citation_lines(relation.sources)));
}

GraphHandle build(const KnowledgeGraph& graph, const DiagramSpec& spec) {
  GraphHandle g = open_graph(spec.title);
  const std::map<Vertex, Agnode_t*> nodes = add_entities(g.get(), graph, spec);
  const std::set<Edge> highlighted(spec.highlighted.begin(), spec.highlighted.end());
  const Graph& kg = graph.graph();
  for (const Edge e : spec.relations) {
    const auto from = nodes.find(boost::source(e, kg));
    const auto to = nodes.find(boost::target(e, kg));
    if (from != nodes.end() && to != nodes.end())
      add_relation(g.get(), graph, e, from->second, to->second, highlighted.contains(e));
  }
  if (spec.legend && !spec.entities.empty()) add_legend(g.get(), graph, spec);
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

DiagramSpec whole_view(const GraphView& view) {
  DiagramSpec spec;
  spec.title = "cartelgraph";
  const FilteredGraph g = view.graph();
  for (const Vertex v : boost::make_iterator_range(boost::vertices(g))) spec.entities.push_back(v);
  for (const Edge e : boost::make_iterator_range(boost::edges(g))) spec.relations.push_back(e);
  return spec;
}

DiagramSpec focus_view(const GraphView& view, const Projection& projection, Vertex center, std::size_t depth) {
  const Neighborhood hood = neighborhood(view, projection, center, depth);
  DiagramSpec spec;
  spec.title = view.knowledge_graph().entity(center).name + ", " + std::to_string(depth) +
               (depth == 1 ? " hop" : " hops");
  for (const auto& item : hood.entities) spec.entities.push_back(item.entity);
  spec.relations = hood.relations;
  return spec;
}

std::optional<DiagramSpec> path_view(const GraphView& view, const Projection& projection, Vertex from, Vertex to) {
  const auto paths = find_paths(view, projection, from, to);
  if (paths.empty()) return std::nullopt;
  const KnowledgeGraph& kg = view.knowledge_graph();
  std::set<Vertex> inside(paths[0].entities.begin(), paths[0].entities.end());
  for (const Vertex v : paths[0].entities)
    if (const auto node = projection.node(v))
      for (const auto neighbor : projection.neighbors(Projection::index(*node)))
        inside.insert(projection.entity(Projection::id(neighbor)));
  DiagramSpec spec;
  spec.title = kg.entity(from).name + " to " + kg.entity(to).name;
  spec.entities.assign(inside.begin(), inside.end());
  const FilteredGraph g = view.graph();
  for (const Edge e : boost::make_iterator_range(boost::edges(g)))
    if (inside.contains(boost::source(e, g)) && inside.contains(boost::target(e, g))) spec.relations.push_back(e);
  for (const auto& hop : paths[0].hops) spec.highlighted.insert(spec.highlighted.end(), hop.relations.begin(), hop.relations.end());
  return spec;
}

DiagramSpec storyline_view(const GraphView& view, std::string_view storyline) {
  const KnowledgeGraph& kg = view.knowledge_graph();
  DiagramSpec spec;
  spec.title = std::string(storyline);
  for (const auto& s : kg.storylines())
    if (s.id == storyline) spec.title = s.title;
  std::set<Vertex> inside;
  const FilteredGraph g = view.graph();
  for (const Edge e : boost::make_iterator_range(boost::edges(g)))
    if (kg.relation(e).storyline == storyline) {
      spec.relations.push_back(e);
      inside.insert(boost::source(e, g));
      inside.insert(boost::target(e, g));
    }
  spec.entities.assign(inside.begin(), inside.end());
  return spec;
}

std::string default_layout(const DiagramSpec& spec) { return spec.entities.size() > 300 ? "sfdp" : "dot"; }

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
    const int status = agwrite(g.get(), stream);
    std::fclose(stream);
    result.assign(data ? data : "", size);
    std::free(data);
    if (status != 0) throw RenderError("Graphviz cannot write DOT");
    return result;
  } else {
    const LayoutHandle laid_out(context, g.get(), engine);
    if (gvRenderData(context, g.get(), format_names[static_cast<int>(format)], &data, &length) != 0)
      throw RenderError(std::string("Graphviz cannot render ") + format_names[static_cast<int>(format)]);
  }
  result.assign(data, length);
  gvFreeRenderData(data);
  return result;
}

}  // namespace cartelgraph
