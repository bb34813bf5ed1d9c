// Diagrams and the dossier: Graphviz accepts what we write, and awkward names survive.
#include <doctest/doctest.h>

#include <graphviz/cgraph.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "cartelgraph/loaders/builtin_data.hpp"
#include "cartelgraph/render/diagram.hpp"
#include "cartelgraph/render/dossier.hpp"
#include "cartelgraph/render/output_file.hpp"
#include "sample_graph.hpp"

using namespace cartelgraph;
using cartelgraph::testing::make_entity;
using cartelgraph::testing::make_relation;
using cartelgraph::testing::sample_graph;

namespace {

const std::string nasty = "He said \"hi\" \\ <b> & Ñandú";

KnowledgeGraph nasty_graph() {
  KnowledgeGraph g = sample_graph();
  const auto v = g.add_entity(make_entity("nasty", EntityType::person, nasty, {"A & B; C <d>"}));
  g.add_relation(v, *g.find("los-rusos"), make_relation(RelationKind::member_of, Confidence::alleged, "2021"));
  return g;
}

std::filesystem::path temp_path(const std::string& name) {
  return std::filesystem::temp_directory_path() / ("cartelgraph_render_test_" + name);
}

// Runs Graphviz's own `dot` on a file; true if it accepts it.
bool dot_accepts(const std::filesystem::path& file) {
  const std::string command = "dot -Tsvg -o /dev/null '" + file.string() + "' 2>/dev/null";
  return std::system(command.c_str()) == 0;
}

}  // namespace

TEST_CASE("file names choose the format") {
  CHECK(format_for_path("a/b.dot") == DiagramFormat::dot);
  CHECK(format_for_path("b.svg") == DiagramFormat::svg);
  CHECK(format_for_path("b.png") == DiagramFormat::png);
  CHECK(format_for_path("b.pdf") == DiagramFormat::pdf);
  CHECK_FALSE(format_for_path("b.jpeg"));
  CHECK_FALSE(format_for_path("b"));
}

TEST_CASE("Graphviz's dot accepts the DOT we write, with or without positions") {
  const KnowledgeGraph g = nasty_graph();
  DiagramSpec spec = whole_view(GraphView(g));
  spec.cluster = true;
  for (const char* layout : {"none", "dot", "neato"}) {
    CAPTURE(layout);
    const auto path = temp_path(std::string(layout) + ".dot");
    write_file_atomically(path, render_diagram(g, spec, DiagramFormat::dot, layout));
    CHECK(dot_accepts(path));
    std::filesystem::remove(path);
  }
}

TEST_CASE("names with quotes, backslashes, < and & and non-ASCII letters survive") {
  const KnowledgeGraph g = nasty_graph();
  const DiagramSpec spec = whole_view(GraphView(g));
  SUBCASE("in DOT, read back by cgraph") {
    const std::string dot = render_diagram(g, spec, DiagramFormat::dot, "none");
    Agraph_t* parsed = agmemread(dot.c_str());
    REQUIRE(parsed != nullptr);
    Agnode_t* node = agnode(parsed, const_cast<char*>("nasty"), 0);
    REQUIRE(node != nullptr);
    // The label is HTML-like: the name escaped as markup, wrapped at a space.
    CHECK(std::string(agget(node, const_cast<char*>("label"))) ==
          html_escape("He said \"hi\" \\ <b>") + "<BR/>" + html_escape("& Ñandú"));
    agclose(parsed);
  }
  SUBCASE("in SVG, as Graphviz draws it") {
    const std::string svg = render_diagram(g, spec, DiagramFormat::svg, "dot");
    CHECK(svg.find(">He said &quot;hi&quot; \\ &lt;b&gt;</text>") != std::string::npos);
    CHECK(svg.find(">&amp; Ñandú</text>") != std::string::npos);
    CHECK(svg.find("A &amp; B; C &lt;d&gt;") != std::string::npos);  // the alias, in the tooltip
  }
  SUBCASE("in the HTML dossier") {
    const std::string html = render_dossier(GraphView(g));
    CHECK(html.find("He said &quot;hi&quot; \\ &lt;b&gt; &amp; Ñandú") != std::string::npos);
    CHECK(html.find(nasty) == std::string::npos);  // never unescaped
  }
}

TEST_CASE("diagrams are styled by type and kind, with a legend and tooltips") {
  const KnowledgeGraph g = sample_graph();
  const std::string svg = render_diagram(g, whole_view(GraphView(g)), DiagramFormat::svg, "dot");
  CHECK(svg.find(">Ties</text>") != std::string::npos);  // the legend
  CHECK(svg.find("#cfe2f3") != std::string::npos);       // person fill
  CHECK(svg.find("#fce5cd") != std::string::npos);       // faction fill
  CHECK(svg.find("#009e73") != std::string::npos);       // alliance colour (Okabe–Ito bluish green)
  CHECK(svg.find("xlink:title=\"Jesús Alexander Sánchez Félix (person)") != std::string::npos);
  CHECK(svg.find(">allied with 2021&#45;03</text>") != std::string::npos);  // kind and date on the edge
}

TEST_CASE("focused and path views pick the right part of the graph") {
  const KnowledgeGraph g = sample_graph();
  const GraphView view(g);
  const Projection p = Projection::build(view);
  const DiagramSpec focus = focus_view(view, *g.find("los-garibay"), 1);
  CHECK(focus.entities.size() == 2);
  CHECK(focus.relations.size() == 1);
  const auto path = path_view(view, p, *g.find("jesus-alexander-sanchez-felix"), *g.find("los-garibay"));
  REQUIRE(path);
  CHECK(path->highlighted.size() == 3);
  CHECK(path->entities.size() == 5);  // the path and its neighbours (Mexicali)
  KnowledgeGraph lonely = sample_graph();
  const auto alone = lonely.add_entity(make_entity("alone", EntityType::person, "Alone"));
  const GraphView lonely_view(lonely);
  CHECK_FALSE(path_view(lonely_view, Projection::build(lonely_view), alone, *lonely.find("mexicali")));
}

TEST_CASE("PNG and PDF come out of gvc") {
  const KnowledgeGraph g = sample_graph();
  const DiagramSpec spec = whole_view(GraphView(g));
  CHECK(render_diagram(g, spec, DiagramFormat::png, "dot").starts_with("\x89PNG"));
  CHECK(render_diagram(g, spec, DiagramFormat::pdf, "dot").starts_with("%PDF"));
  CHECK_THROWS_AS((void)render_diagram(g, spec, DiagramFormat::svg, "no-such-engine"), RenderError);
}

TEST_CASE("output files are written whole or not at all") {
  const auto path = temp_path("atomic.txt");
  write_file_atomically(path, "first");
  write_file_atomically(path, "second");
  std::ifstream in(path);
  CHECK(std::string((std::istreambuf_iterator<char>(in)), {}) == "second");
  std::filesystem::remove(path);
  CHECK_THROWS_AS(write_file_atomically("/nonexistent-dir/x.svg", "data"), std::runtime_error);
  CHECK_FALSE(std::filesystem::exists("/nonexistent-dir/x.svg"));
  for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::temp_directory_path()))
    CHECK(entry.path().filename().string().find(".cartelgraph_render_test_atomic.txt.") == std::string::npos);
}

TEST_CASE("the dossier is self-contained and has every section and card") {
  const KnowledgeGraph g = sample_graph();
  const std::string html = render_dossier(GraphView(g));
  for (const char* id : {"overview", "storylines", "factions", "rankings", "entities", "sources"})
    CHECK(html.find(std::string("id=\"") + id + "\"") != std::string::npos);
  for (const auto v : boost::make_iterator_range(boost::vertices(g.graph())))
    CHECK(html.find("id=\"entity-" + g.entity(v).id + "\"") != std::string::npos);
  CHECK(html.find("xlink:href=\"#entity-los-rusos\"") != std::string::npos);  // diagram links to cards
  CHECK(html.find("src=\"http") == std::string::npos);
  CHECK(html.find("href=\"http") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html_escape("<a href='x'>&\"") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;");
  // The caller's analysis options reach the rankings; threads never change them.
  CHECK(render_dossier(GraphView(g), {.threads = 1}) == html);
}

TEST_CASE("every built-in storyline renders, clustered or not") {
  const KnowledgeGraph g = load_builtin_graph();
  const GraphView view(g);
  for (const auto& storyline : g.storylines()) {
    DiagramSpec spec = storyline_view(view, storyline.id);
    if (spec.relations.empty()) continue;
    CAPTURE(storyline.id);
    for (const bool cluster : {false, true}) {
      spec.cluster = cluster;
      CHECK(render_diagram(g, spec, DiagramFormat::svg, "dot").find("</svg>") != std::string::npos);
    }
  }
}
