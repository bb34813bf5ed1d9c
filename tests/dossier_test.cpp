// The dossier for readers: key findings from the analysis, sources by title and outlet, links
// that all arrive, and a large network summarized rather than listed.
#include <doctest/doctest.h>

#include <random>
#include <regex>
#include <set>

#include "cartelgraph/loaders/builtin_data.hpp"
#include "cartelgraph/queries/centrality.hpp"
#include "cartelgraph/queries/factions.hpp"
#include "cartelgraph/queries/network.hpp"
#include "cartelgraph/render/dossier.hpp"
#include "sample_graph.hpp"

using namespace cartelgraph;
using cartelgraph::testing::make_entity;
using cartelgraph::testing::make_relation;
using cartelgraph::testing::sample_graph;

namespace {

// The text of the <section id="`id`"> of `html`, empty if there is none.
std::string section(const std::string& html, const std::string& id) {
  const auto start = html.find("<section id=\"" + id + "\"");
  if (start == std::string::npos) return {};
  return html.substr(start, html.find("</section>", start) - start);
}

// Every `pattern` match's first group in `text`.
std::set<std::string> matches(const std::string& text, const std::string& pattern) {
  std::set<std::string> out;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1].str());
  return out;
}

// The in-page links of `html` that lead to no element.
std::set<std::string> dangling_links(const std::string& html) {
  const auto targets = matches(html, R"re(\bid="([^"]+)")re");
  std::set<std::string> dangling;
  for (const auto& link : matches(html, R"re(href="#([^"]+)")re"))
    if (!targets.contains(link)) dangling.insert(link);
  return dangling;
}

// `n` people, each after the first an associate of a random earlier one (seeded).
KnowledgeGraph random_tree(std::size_t n) {
  KnowledgeGraph g;
  g.add_source({"doc", "A document", "", "", "2021", "", ""});
  std::mt19937 random(3);
  for (std::size_t i = 0; i < n; ++i) {
    const Vertex v = g.add_entity(make_entity("p" + std::to_string(i), EntityType::person, "P" + std::to_string(i)));
    if (i > 0) g.add_relation(v, random() % i, make_relation(RelationKind::associate_of, Confidence::reported));
  }
  return g;
}

std::string card_link(const KnowledgeGraph& g, Vertex v) { return "href=\"#entity-" + g.entity(v).id + "\""; }

}  // namespace

TEST_CASE("the dossier lists its sources by title, outlet, author and date, never by file name") {
  KnowledgeGraph g = sample_graph();
  g.add_source({"paper", "Cartel wars", "Ana Ruiz", "El Universal", "2021-04-08", "", "004_778bb1.txt"});
  g.add_source({"statement", "Joint statement", "", "", "2023", "https://www.state.gov/joint-statement/", "003.txt"});
  const std::string sources = section(render_dossier(GraphView(g)), "sources");
  CHECK(sources.find("<cite>Cartel wars</cite>, El Universal, Ana Ruiz, 2021-04-08</li>") != std::string::npos);
  CHECK(sources.find("<cite>Joint statement</cite>, www.state.gov, 2023.") != std::string::npos);
  CHECK(sources.find("<cite>A document</cite>, 2021-04-08</li>") != std::string::npos);
  for (const char* file : {"004_778bb1.txt", "003.txt", "doc.txt"}) CHECK(sources.find(file) == std::string::npos);
}

TEST_CASE("the dossier shows the name an entity is known by, its legal name beneath, and sources by title") {
  KnowledgeGraph g = sample_graph();
  g.add_source({"talk", "An interview", "", "", "2024-05-02", "", ""});
  Entity mencho = make_entity("nemesio", EntityType::person, "Nemesio Oseguera Cervantes");
  mencho.known_as = "El Mencho";
  mencho.sources = {{"doc", "Sources of “Inner Circle”", "A title names him.", CitationSupport::title},
                    {"doc", "Inner Circle", "A statement names him.", CitationSupport::statement},
                    {"talk", "Question 3", "Said in the interview."}};
  g.add_entity(mencho);
  const std::string html = render_dossier(GraphView(g));
  CHECK(html.find("<h3>El Mencho <span class=\"type\">person</span></h3><p class=\"legal\">Nemesio Oseguera "
                  "Cervantes</p>") != std::string::npos);
  CHECK(html.find(">A document</a> §Sources of “Inner Circle”, title only] A title names him.") != std::string::npos);
  CHECK(html.find(">A document</a> §Inner Circle, statement] A statement names him.") != std::string::npos);
  CHECK(html.find(">An interview</a> §Question 3] Said in the interview.") != std::string::npos);
}

TEST_CASE("the key findings name each conflict's sides, the top brokers and recent changes, linked") {
  const KnowledgeGraph g = load_builtin_graph();
  const GraphView view(g);
  const std::string html = render_dossier(view, {.threads = 1});
  const std::string findings = section(html, "findings");
  REQUIRE_FALSE(findings.empty());
  // The sides as factions() finds them: every group of every camp is linked to its card.
  const FactionReport report = factions(view);
  REQUIRE_FALSE(report.conflicts.empty());
  for (const auto& conflict : report.conflicts)
    for (const auto& camp : conflict.camps)
      for (const Vertex group : camp.groups) CHECK(findings.find(card_link(g, group)) != std::string::npos);
  // The top broker by betweenness over the criminal network.
  const GraphView criminal(g, network_filter({}, NetworkKind::criminal));
  const Network network(criminal, NetworkKind::criminal);
  const Vertex broker = betweenness_centrality(network.projection(), {.threads = 1}).ranking().front().entity;
  CHECK(findings.find("<strong>Brokers:</strong> <a " + card_link(g, broker)) != std::string::npos);
  CHECK(findings.find("dated months</strong>") != std::string::npos);
  CHECK(findings.find("href=\"#source-") != std::string::npos);
  CHECK(dangling_links(html).empty());
}

TEST_CASE("the dossier of a large network shows its top entities, samples betweenness and keeps links whole") {
  const KnowledgeGraph g = random_tree(6000);
  const std::string html = render_dossier(GraphView(g), {.threads = 1});
  CHECK(html.find("estimated from shortest paths out of 1000 of the 6000 entities") != std::string::npos);
  CHECK(html.find("within ±") != std::string::npos);
  const auto cards = matches(html, R"re(class="card" id="entity-([^"]+)")re");
  CHECK(cards.size() >= 10);
  CHECK(cards.size() < 200);
  CHECK(dangling_links(html).empty());
}
