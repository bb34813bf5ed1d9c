// Diagrams an editor would publish: names people know, one visual channel per meaning, captions
// that make a picture citable, views that tell one story, sides drawn apart, and a picture no
// wider than 16:9. Checked on what Graphviz draws (SVG text, laid-out DOT), not on our own DOT.
#include <doctest/doctest.h>

#include <graphviz/cgraph.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <regex>
#include <set>
#include <string>

#include "cartelgraph/loaders/builtin_data.hpp"
#include "cartelgraph/queries/resolve.hpp"
#include "cartelgraph/render/caption.hpp"
#include "cartelgraph/render/diagram.hpp"
#include "cartelgraph/render/escape.hpp"
#include "cartelgraph/render/kind_style.hpp"
#include "cartelgraph/render/labels.hpp"
#include "sample_graph.hpp"

using namespace cartelgraph;
using cartelgraph::testing::make_entity;
using cartelgraph::testing::make_relation;
using cartelgraph::testing::sample_graph;

namespace {

// XML character references back to characters (the five Graphviz writes).
std::string xml_unescape(std::string s) {
  for (const auto& [from, to] :
       {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&#45;", "-"}, {"&amp;", "&"}})
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + 1))
      s.replace(at, std::strlen(from), to);
  return s;
}

// The text of the node with SVG id `node-ANCHOR`, its <text> elements joined by spaces.
std::string node_text(const std::string& drawn, const std::string& anchor) {
  const std::string svg = std::regex_replace(drawn, std::regex("&#45;"), "-");
  const std::size_t start = svg.find("id=\"node-" + anchor + "\"");
  if (start == std::string::npos) return "<no node " + anchor + ">";
  const std::string group = svg.substr(start, svg.find("</g>", start) - start);
  static const std::regex text_element("<text[^>]*>([^<]*)</text>");
  std::string joined;
  for (auto it = std::sregex_iterator(group.begin(), group.end(), text_element); it != std::sregex_iterator(); ++it)
    joined += (joined.empty() ? "" : " ") + xml_unescape((*it)[1].str());  // &#45; restored above
  return joined;
}

// True if some <text> element of the SVG holds `word`.
bool in_text(const std::string& svg, const std::string& word) {
  return std::regex_search(svg, std::regex("<text[^>]*>[^<]*" + word));
}

// Width over height, from the SVG's own width="…pt" and height="…pt".
double svg_aspect(const std::string& svg) {
  static const std::regex size("<svg width=\"([0-9.]+)pt\" height=\"([0-9.]+)pt\"");
  std::smatch m;
  REQUIRE(std::regex_search(svg, m, size));
  return std::stod(m[1].str()) / std::stod(m[2].str());
}

// A DOT text parsed by cgraph, closed on scope exit.
struct ParsedDot {
  explicit ParsedDot(const std::string& dot) : graph(agmemread(dot.c_str())) { REQUIRE(graph != nullptr); }
  ~ParsedDot() { agclose(graph); }
  ParsedDot(const ParsedDot&) = delete;
  ParsedDot& operator=(const ParsedDot&) = delete;
  std::string edge_attr(Agedge_t* e, const char* name) const { return agget(e, const_cast<char*>(name)); }
  Agraph_t* graph;
};

// The one entity `text` names (an id, name or alias).
Vertex named(const KnowledgeGraph& g, const char* text) {
  const Resolution found = resolve_entity(g, text);
  REQUIRE(found.status == Resolution::Status::found);
  return found.entities.front();
}

}  // namespace

TEST_CASE("nodes read as the name people know, with the legal name beneath, wrapped") {
  const KnowledgeGraph g = load_builtin_graph();
  const GraphView view(g);
  const DiagramSpec spec = focus_view(view, Projection::build(view), named(g, "El Mencho"), 1);
  const std::string svg = render_diagram(g, spec, DiagramFormat::svg, "dot");
  for (const Vertex v : spec.entities) {
    const Entity& e = g.entity(v);
    const std::string expected = e.known_as.empty() || e.known_as == e.name ? e.name : e.known_as + " " + e.name;
    CHECK(node_text(svg, anchor_id(e.id)) == expected);
  }
  std::set<std::string> known;
  for (const Vertex v : spec.entities) known.insert(g.entity(v).known_as);
  for (const char* name : {"El Mencho", "El Menchito", "La Negra", "El Cuini"}) {
    CAPTURE(name);
    CHECK(known.contains(name));
    CHECK(svg.find(std::string(">") + name + "</text>") != std::string::npos);
  }
  CHECK(wrap_words("Nemesio Oseguera Cervantes", 18) == std::vector<std::string>{"Nemesio Oseguera", "Cervantes"});
  CHECK(wrap_words("Supercalifragilistic a", 5) == std::vector<std::string>{"Supercalifragilistic", "a"});
  CHECK(wrap_words("Ñandú Ñandú Ñandú", 11) == std::vector<std::string>{"Ñandú Ñandú", "Ñandú"});
}

TEST_CASE("the focus view stays within 16:9 and carries a caption with sources and date") {
  const KnowledgeGraph g = load_builtin_graph();
  const GraphView view(g);
  const Projection p = Projection::build(view);
  for (const char* name : {"El Mencho", "El Mayo", "Los Chapitos"}) {
    for (const std::size_t depth : {1u, 2u}) {
      CAPTURE(name);
      CAPTURE(depth);
      DiagramSpec spec = focus_view(view, p, named(g, name), depth);
      spec.notes.drawn_on = "2026-01-02";
      const std::string svg = render_diagram(g, spec, DiagramFormat::svg, "dot");
      CHECK(svg_aspect(svg) <= 16.0 / 9.0 + 0.01);
      const std::string text = xml_unescape(svg);
      CHECK(text.find(">Drawn with cartelgraph on 2026-01-02") != std::string::npos);
      // The credit names a document one of the drawn relations cites (a peer: the graph's sources).
      std::set<std::string> titles;
      for (const Edge e : spec.relations)
        for (const auto& c : g.relation(e).sources)
          if (const Source* s = g.find_source(c.source)) titles.insert(s->title);
      if (titles.empty()) continue;
      CHECK(text.find(">Sources: ") != std::string::npos);
      CHECK(std::ranges::any_of(titles,
                                [&](const std::string& t) { return text.find(t.substr(0, 20)) != std::string::npos; }));
    }
  }
}

TEST_CASE("the day drawn comes from SOURCE_DATE_EPOCH when it is set") {
  const char* saved = std::getenv("SOURCE_DATE_EPOCH");
  const std::string keep = saved ? saved : "";
  ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);  // 2023-11-14T22:13:20Z
  CHECK(drawing_date() == "2023-11-14");
  ::setenv("SOURCE_DATE_EPOCH", "not a number", 1);
  CHECK(drawing_date().size() == 10);
  if (saved) ::setenv("SOURCE_DATE_EPOCH", keep.c_str(), 1);
  else ::unsetenv("SOURCE_DATE_EPOCH");
}

TEST_CASE("confidence is drawn by dash pattern alone, the same for every kind") {
  KnowledgeGraph g;
  const Vertex a = g.add_entity(make_entity("a", EntityType::person, "A"));
  const Vertex b = g.add_entity(make_entity("b", EntityType::person, "B"));
  const Vertex c = g.add_entity(make_entity("c", EntityType::person, "C"));
  const Vertex d = g.add_entity(make_entity("d", EntityType::organization, "D"));
  g.add_relation(a, b, make_relation(RelationKind::associate_of, Confidence::confirmed));
  g.add_relation(b, c, make_relation(RelationKind::associate_of, Confidence::reported));
  g.add_relation(c, a, make_relation(RelationKind::associate_of, Confidence::alleged));
  g.add_relation(a, d, make_relation(RelationKind::member_of, Confidence::alleged));
  const ParsedDot dot(render_diagram(g, whole_view(GraphView(g)), DiagramFormat::dot, "none"));
  const auto edge = [&](const char* from, const char* to) {
    Agedge_t* e = agedge(dot.graph, agnode(dot.graph, const_cast<char*>(from), 0),
                         agnode(dot.graph, const_cast<char*>(to), 0), nullptr, 0);
    REQUIRE(e != nullptr);
    return e;
  };
  CHECK(dot.edge_attr(edge("a", "b"), "style") == "solid");
  CHECK(dot.edge_attr(edge("b", "c"), "style") == "dashed");
  CHECK(dot.edge_attr(edge("c", "a"), "style") == "dotted");
  CHECK(dot.edge_attr(edge("a", "d"), "style") == "dotted");
  // The colour says the family, whatever the confidence.
  CHECK(dot.edge_attr(edge("a", "b"), "color") == dot.edge_attr(edge("c", "a"), "color"));
  CHECK(dot.edge_attr(edge("a", "b"), "color") != dot.edge_attr(edge("a", "d"), "color"));
}

TEST_CASE("parallel ties merge into one edge in the style of the surest; ended ties fade and say until") {
  KnowledgeGraph g;
  const Vertex a = g.add_entity(make_entity("a", EntityType::person, "A"));
  const Vertex b = g.add_entity(make_entity("b", EntityType::organization, "B"));
  const Vertex c = g.add_entity(make_entity("c", EntityType::organization, "C"));
  g.add_relation(a, b, make_relation(RelationKind::member_of, Confidence::alleged, "2010"));
  g.add_relation(a, b, make_relation(RelationKind::leads, Confidence::confirmed, "2015-06"));
  g.add_relation(a, c, make_relation(RelationKind::member_of, Confidence::confirmed, "2009", "2015-06"));
  const ParsedDot dot(render_diagram(g, whole_view(GraphView(g)), DiagramFormat::dot, "none"));
  CHECK(agnedges(dot.graph) == 2);
  Agedge_t* merged = agedge(dot.graph, agnode(dot.graph, const_cast<char*>("a"), 0),
                            agnode(dot.graph, const_cast<char*>("b"), 0), nullptr, 0);
  REQUIRE(merged != nullptr);
  const std::string label = dot.edge_attr(merged, "label");
  CHECK(label.find("member of 2010") != std::string::npos);
  CHECK(label.find("leads 2015-06") != std::string::npos);
  CHECK(dot.edge_attr(merged, "style") == "solid");  // the confirmed tie's
  CHECK(dot.edge_attr(merged, "arrowhead") == std::string(kind_style(RelationKind::leads).arrowhead));
  const std::string tooltip = dot.edge_attr(merged, "tooltip");
  CHECK(tooltip.find("A member of B") != std::string::npos);
  CHECK(tooltip.find("A leads B") != std::string::npos);
  Agedge_t* ended = agedge(dot.graph, agnode(dot.graph, const_cast<char*>("a"), 0),
                           agnode(dot.graph, const_cast<char*>("c"), 0), nullptr, 0);
  REQUIRE(ended != nullptr);
  CHECK(dot.edge_attr(ended, "label").find("member of 2009 until 2015-06") != std::string::npos);
  CHECK(dot.edge_attr(ended, "color").size() == 9);  // #RRGGBBAA: drawn translucent
  CHECK(dot.edge_attr(ended, "color").substr(0, 7) == std::string(kind_color(RelationKind::member_of)));
}

TEST_CASE("family kinds are told apart by their line or arrowhead") {
  using enum RelationKind;
  std::set<std::pair<std::string_view, bool>> looks;
  for (const RelationKind kind : {parent_of, spouse_of, sibling_of, relative_of})
    CHECK(looks.insert({kind_style(kind).arrowhead, kind_style(kind).double_line}).second);
  CHECK(kind_family(parent_of) == kind_family(spouse_of));
  CHECK(confidence_dash(Confidence::confirmed) == "solid");
  CHECK(confidence_dash(Confidence::reported) == "dashed");
  CHECK(confidence_dash(Confidence::alleged) == "dotted");
}

TEST_CASE("the legend lists only what the picture contains") {
  const KnowledgeGraph g = sample_graph();
  const GraphView view(g);
  const std::string all = render_diagram(g, whole_view(view), DiagramFormat::svg, "dot");
  CHECK(in_text(all, "hostility"));
  CHECK(in_text(all, "territory"));
  CHECK(!in_text(all, "family"));
  const DiagramSpec focus = focus_view(view, Projection::build(view), named(g, "los-garibay"), 1);
  const std::string small = render_diagram(g, focus, DiagramFormat::svg, "dot");
  CHECK(in_text(small, "alliance"));
  CHECK(!in_text(small, "hostility"));
  CHECK(!in_text(small, "place"));
}

TEST_CASE("views tell one story: territory and others' state actions only with context") {
  const KnowledgeGraph g = load_builtin_graph();
  const GraphView view(g);
  const Projection p = Projection::build(view);
  const Vertex mencho = named(g, "El Mencho");
  const DiagramSpec focus = focus_view(view, p, mencho, 1);
  const DiagramSpec wide = focus_view(view, p, mencho, 1, true);
  bool own_acts = false;
  for (const Edge e : focus.relations) {
    const Layer layer = kind_info(g.relation(e).kind).layer;
    CHECK(layer != Layer::territory);
    if (layer == Layer::state || layer == Layer::events) {
      CHECK((boost::source(e, g.graph()) == mencho || boost::target(e, g.graph()) == mencho));
      own_acts = true;
    }
  }
  CHECK(own_acts);
  CHECK(wide.relations.size() > focus.relations.size());
  for (const auto& storyline : g.storylines()) {
    CAPTURE(storyline.id);
    const DiagramSpec plain = storyline_view(view, storyline.id);
    const DiagramSpec context = storyline_view(view, storyline.id, true);
    for (const Edge e : plain.relations) {
      CHECK(g.relation(e).storyline == storyline.id);
      CHECK(kind_info(g.relation(e).kind).layer != Layer::territory);
    }
    CHECK(context.relations.size() >= plain.relations.size());
  }
}

TEST_CASE("--sides colours the two camps of the war and draws them apart") {
  const KnowledgeGraph g = load_builtin_graph();
  const GraphView view(g);
  DiagramSpec spec = storyline_view(view, "sinaloa_war");
  REQUIRE(assign_sides(spec, view) == 2);
  std::set<Vertex> seen;
  for (const auto& camp : spec.camps) {
    CHECK_FALSE(camp.entities.empty());
    for (const Vertex v : camp.entities) CHECK(seen.insert(v).second);  // no entity in both
  }
  // Laid out by dot: each camp is a cluster, and their boxes do not overlap.
  const ParsedDot dot(render_diagram(g, spec, DiagramFormat::dot, "dot"));
  double box[2][4];
  for (int i = 0; i < 2; ++i) {
    Agraph_t* camp = agsubg(dot.graph, const_cast<char*>(("cluster side " + std::to_string(i)).c_str()), 0);
    REQUIRE(camp != nullptr);
    CHECK(agnnodes(camp) == static_cast<int>(spec.camps[static_cast<std::size_t>(i)].entities.size()));
    REQUIRE(std::sscanf(agget(camp, const_cast<char*>("bb")), "%lf,%lf,%lf,%lf", &box[i][0], &box[i][1], &box[i][2],
                        &box[i][3]) == 4);
  }
  const bool apart = box[0][2] <= box[1][0] || box[1][2] <= box[0][0] || box[0][3] <= box[1][1] ||
                     box[1][3] <= box[0][1];
  CHECK(apart);
}
