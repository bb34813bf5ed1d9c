// Diagrams an editor would publish: names people know, one visual channel per meaning, captions
// that make a picture citable, views that tell one story, sides drawn apart, and a picture no
// wider than 16:9. Checked on what Graphviz draws (SVG text, laid-out DOT), not on our own DOT.
#include <doctest/doctest.h>

#include <graphviz/cgraph.h>

#include <algorithm>
#include <cmath>
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
  const DiagramSpec spec = focus_view(view, named(g, "El Mencho"), 1);
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
  for (const char* name : {"El Mencho", "El Mayo", "Los Chapitos"}) {
    for (const std::size_t depth : {1u, 2u}) {
      CAPTURE(name);
      CAPTURE(depth);
      DiagramSpec spec = focus_view(view, named(g, name), depth);
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
  const DiagramSpec focus = focus_view(view, named(g, "los-garibay"), 1);
  const std::string small = render_diagram(g, focus, DiagramFormat::svg, "dot");
  CHECK(in_text(small, "alliance"));
  CHECK(!in_text(small, "hostility"));
  CHECK(!in_text(small, "place"));
}

TEST_CASE("views tell one story: territory and others' state actions only with context") {
  const KnowledgeGraph g = load_builtin_graph();
  const GraphView view(g);
  const Vertex mencho = named(g, "El Mencho");
  const DiagramSpec focus = focus_view(view, mencho, 1);
  const DiagramSpec wide = focus_view(view, mencho, 1, true);
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

namespace {

// The groups Graphviz writes for edges, each as its text (from `<g id="edgeN" class="edge">` to
// the next comment or the end).
std::vector<std::string> edge_groups(const std::string& svg) {
  std::vector<std::string> groups;
  for (auto at = svg.find("class=\"edge\">"); at != std::string::npos; at = svg.find("class=\"edge\">", at + 1))
    groups.push_back(svg.substr(at, std::min(svg.find("<!--", at), svg.find("</svg>", at)) - at));
  return groups;
}

// The numbers of `text`, in order ("M1,-2C3,4" gives 1, -2, 3, 4).
std::vector<double> numbers(const std::string& text) {
  static const std::regex number("-?[0-9]+(\\.[0-9]+)?");
  std::vector<double> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), number); it != std::sregex_iterator(); ++it)
    out.push_back(std::stod(it->str()));
  return out;
}

// The distance from (x, y) to the path of `d` (SVG "M x,y C x,y x,y x,y …", cubic Béziers as
// Graphviz writes them), from 50 samples of each segment.
double distance_to_path(const std::string& d, double x, double y) {
  const std::vector<double> p = numbers(d);
  double best = 1e9;
  for (std::size_t i = 0; i + 7 < p.size(); i += 6)
    for (int k = 0; k <= 50; ++k) {
      const double t = k / 50.0, u = 1 - t;
      const double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, e = t * t * t;
      const double px = a * p[i] + b * p[i + 2] + c * p[i + 4] + e * p[i + 6];
      const double py = a * p[i + 1] + b * p[i + 3] + c * p[i + 5] + e * p[i + 7];
      best = std::min(best, std::hypot(px - x, py - y));
    }
  return best;
}

}  // namespace

TEST_CASE("edge labels sit on their edges in neato and sfdp layouts, and large overviews leave them out") {
  const KnowledgeGraph g = load_builtin_graph();
  const GraphView view(g);
  static const std::regex path("<path[^>]* d=\"([^\"]+)\"");
  static const std::regex ground("<polygon fill=\"#ffffff\"[^>]* points=\"([^\"]+)\"");
  static const std::regex text_at("<text[^>]* x=\"([-0-9.]+)\" y=\"([-0-9.]+)\"");
  for (const char* engine : {"neato", "sfdp"}) {
    for (const DiagramSpec& spec :
         {focus_view(view, named(g, "El Mencho"), 1), storyline_view(view, "sinaloa_war")}) {
      CAPTURE(engine);
      CAPTURE(spec.title);
      std::size_t labels = 0;
      for (const std::string& edge : edge_groups(render_diagram(g, spec, DiagramFormat::svg, engine))) {
        std::smatch line, box;
        REQUIRE(std::regex_search(edge, line, path));
        if (!std::regex_search(edge, box, ground)) continue;  // no label
        // The label's white ground is centred on its edge (within 6 pt), and its text lies on that ground.
        const std::vector<double> corners = numbers(box[1].str());
        double left = 1e9, right = -1e9, top = 1e9, bottom = -1e9;
        for (std::size_t i = 0; i + 1 < corners.size(); i += 2) {
          left = std::min(left, corners[i]), right = std::max(right, corners[i]);
          top = std::min(top, corners[i + 1]), bottom = std::max(bottom, corners[i + 1]);
        }
        CHECK(distance_to_path(line[1].str(), (left + right) / 2, (top + bottom) / 2) <= 6);
        for (auto it = std::sregex_iterator(edge.begin(), edge.end(), text_at); it != std::sregex_iterator(); ++it) {
          const double x = std::stod((*it)[1].str()), y = std::stod((*it)[2].str());
          CHECK((x >= left - 1 && x <= right + 1 && y >= top - 1 && y <= bottom + 1));
        }
        ++labels;
      }
      CHECK(labels >= 10);
    }
  }
  // The whole network (hundreds of ties): no edge label; its kinds are in the legend and tooltips.
  const std::string whole = render_diagram(g, whole_view(view), DiagramFormat::svg, "sfdp");
  for (const std::string& edge : edge_groups(whole)) CHECK(edge.find("<text") == std::string::npos);
}

TEST_CASE("every node links to its entity's card: in a dossier beside the picture, or on the same page") {
  const KnowledgeGraph g = load_builtin_graph();
  const GraphView view(g);
  DiagramSpec spec = storyline_view(view, "sinaloa_war");
  for (const char* base : {"dossier.html", "", "https://example.org/d.html"}) {
    CAPTURE(base);
    spec.link_base = base;
    const std::string svg = std::regex_replace(render_diagram(g, spec, DiagramFormat::svg, "dot"), std::regex("&#45;"),
                                               "-");
    for (const Vertex v : spec.entities) {
      const std::string anchor = anchor_id(g.entity(v).id);
      CAPTURE(anchor);
      const std::string node = "id=\"node-" + anchor + "\"";
      const std::size_t at = svg.find(node);
      REQUIRE(at != std::string::npos);
      // Graphviz writes the link inside the node's group: <g id="a_node-ID"><a xlink:href="…">.
      const std::size_t link = svg.find("<a xlink:href=\"", at);
      REQUIRE(link != std::string::npos);
      CHECK(link < svg.find("<g id=\"node-", at));  // before the next node
      const std::size_t start = link + 15;
      CHECK(svg.substr(start, svg.find('"', start) - start) == std::string(base) + "#entity-" + anchor);
    }
  }
}

TEST_CASE("camps are named after their principal: the leading group with most hostile ties across") {
  const KnowledgeGraph g = load_builtin_graph();
  const GraphView view(g);
  DiagramSpec spec = storyline_view(view, "sinaloa_war");
  REQUIRE(assign_sides(spec, view) == 2);
  // The seed data: Los Salazar is aligned with Los Chapitos and Los Rusos with El Mayo's faction,
  // so each camp is named after the group the other follows, not after its busiest one.
  std::set<std::string> names;
  for (const auto& camp : spec.camps) names.insert(camp.name);
  CHECK(names == std::set<std::string>{"Side of " + std::string(display_name(g.entity(named(g, "los-chapitos")))),
                                       "Side of " + std::string(display_name(g.entity(named(g, "el-mayo-faction"))))});
  // A made-up war: the follower F has more hostile ties across than its leader L; L names the camp,
  // and on the other side the group with more hostile ties (Y) is chosen over X.
  KnowledgeGraph w;
  const auto group = [&](const char* id) {
    return w.add_entity(make_entity(id, EntityType::organization, id));
  };
  const Vertex l = group("L"), f = group("F"), x = group("X"), y = group("Y");
  w.add_relation(f, l, make_relation(RelationKind::aligned_with, Confidence::reported));
  w.add_relation(x, y, make_relation(RelationKind::allied_with, Confidence::reported));
  w.add_relation(f, x, make_relation(RelationKind::rival_of, Confidence::reported));
  w.add_relation(f, y, make_relation(RelationKind::rival_of, Confidence::reported));
  w.add_relation(l, y, make_relation(RelationKind::rival_of, Confidence::reported));
  const GraphView wv(w);
  DiagramSpec war = whole_view(wv);
  REQUIRE(assign_sides(war, wv) == 2);
  names.clear();
  for (const auto& camp : war.camps) names.insert(camp.name);
  CHECK(names == std::set<std::string>{"Side of L", "Side of Y"});
}

TEST_CASE("a picture wider than 16:9 is laid out again rather than stretched into white space") {
  const KnowledgeGraph g = load_builtin_graph();
  const GraphView view(g);
  // Focus views that are stars (a hub with many leaves) or wide by their caption.
  for (const char* name : {"El Mencho", "CJNG", "State of Mexico", "Government of Mexico", "Mexico", "DEA",
                           "Operation Last Mile", "El Altiplano", "La Familia Michoacana"}) {
    const std::string focus = name;
    CAPTURE(focus);
    const DiagramSpec spec = focus_view(view, named(g, name), 1);
    const ParsedDot dot(render_diagram(g, spec, DiagramFormat::dot, "dot"));
    double box[4];
    REQUIRE(std::sscanf(agget(dot.graph, const_cast<char*>("bb")), "%lf,%lf,%lf,%lf", &box[0], &box[1], &box[2],
                        &box[3]) == 4);
    const double width = box[2] - box[0], height = box[3] - box[1];
    CHECK(width / height <= 16.0 / 9.0 + 0.01);
    // The nodes (their laid-out width and height, in inches) cover at least 8% of the picture
    // above its caption (the graph's label: lheight inches high).
    const double drawing = width * (height - std::stod(agget(dot.graph, const_cast<char*>("lheight"))) * 72);
    double nodes = 0;
    for (Agnode_t* n = agfstnode(dot.graph); n; n = agnxtnode(dot.graph, n))
      nodes += std::stod(agget(n, const_cast<char*>("width"))) * std::stod(agget(n, const_cast<char*>("height"))) * 72 *
               72;
    CHECK(nodes / drawing >= 0.08);
  }
}

TEST_CASE("ungraded ties have a line of their own, in the legend too") {
  std::set<std::pair<std::string_view, std::string_view>> looks;
  for (const Confidence level :
       {Confidence::ungraded, Confidence::alleged, Confidence::reported, Confidence::confirmed})
    CHECK(looks.insert({confidence_dash(level), confidence_width(level)}).second);
  KnowledgeGraph g;
  const Vertex a = g.add_entity(make_entity("a", EntityType::person, "A"));
  const Vertex b = g.add_entity(make_entity("b", EntityType::person, "B"));
  const Vertex c = g.add_entity(make_entity("c", EntityType::person, "C"));
  g.add_relation(a, b, make_relation(RelationKind::associate_of, Confidence::ungraded));
  g.add_relation(b, c, make_relation(RelationKind::associate_of, Confidence::alleged));
  const DiagramSpec spec = whole_view(GraphView(g));
  const ParsedDot dot(render_diagram(g, spec, DiagramFormat::dot, "none"));
  Agedge_t* ungraded = agedge(dot.graph, agnode(dot.graph, const_cast<char*>("a"), 0),
                              agnode(dot.graph, const_cast<char*>("b"), 0), nullptr, 0);
  Agedge_t* alleged = agedge(dot.graph, agnode(dot.graph, const_cast<char*>("b"), 0),
                             agnode(dot.graph, const_cast<char*>("c"), 0), nullptr, 0);
  REQUIRE(ungraded != nullptr);
  REQUIRE(alleged != nullptr);
  CHECK(dot.edge_attr(ungraded, "style") == "dotted");
  CHECK(std::stod(dot.edge_attr(ungraded, "penwidth")) < std::stod(dot.edge_attr(alleged, "penwidth")));
  const std::string svg = render_diagram(g, spec, DiagramFormat::svg, "dot");
  CHECK(in_text(svg, "ungraded"));
  CHECK(in_text(svg, "alleged"));
  // Graphviz draws it in every format.
  CHECK(render_diagram(g, spec, DiagramFormat::png, "dot").starts_with("\x89PNG"));
  CHECK(render_diagram(g, spec, DiagramFormat::pdf, "dot").starts_with("%PDF"));
}

TEST_CASE("the legend's node swatches are outlined boxes filled as the nodes are") {
  const KnowledgeGraph g = sample_graph();
  const std::string svg = render_diagram(g, whole_view(GraphView(g)), DiagramFormat::svg, "dot");
  // Each node's fill appears in the legend (drawn before the nodes) as a box with a dark outline.
  const std::string legend = svg.substr(0, svg.find("class=\"node\""));
  std::set<std::string> fills;
  for (auto at = svg.find("class=\"node\""); at != std::string::npos; at = svg.find("class=\"node\"", at + 1)) {
    const std::size_t fill = svg.find(" fill=\"", at) + 7;
    fills.insert(svg.substr(fill, svg.find('"', fill) - fill));
  }
  REQUIRE(fills.size() >= 3);
  for (const std::string& fill : fills) {
    CAPTURE(fill);
    // Graphviz fills the box, then outlines the same points.
    CHECK(std::regex_search(legend, std::regex("<polygon fill=\"" + fill +
                                               "\" stroke=\"transparent\" points=\"([^\"]+)\"/>\n<polygon "
                                               "fill=\"none\" stroke=\"#000000\" points=\"\\1\"")));
  }
}
