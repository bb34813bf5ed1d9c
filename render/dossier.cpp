#include "cartelgraph/render/dossier.hpp"

#include <algorithm>
#include <cstdio>

#include "cartelgraph/queries/centrality.hpp"
#include "cartelgraph/queries/entity_card.hpp"
#include "cartelgraph/queries/factions.hpp"
#include "cartelgraph/queries/network.hpp"
#include "cartelgraph/queries/summary.hpp"
#include "cartelgraph/render/diagram.hpp"
#include "cartelgraph/render/dossier_parts.hpp"
#include "cartelgraph/render/escape.hpp"
#include "cartelgraph/render/kind_style.hpp"
#include "cartelgraph/render/labels.hpp"

namespace cartelgraph {

namespace {

using dossier::Links;

constexpr std::string_view style_sheet = R"(
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 2rem; color: #222; line-height: 1.4; }
h1 { border-bottom: 2px solid #933; }
h2 { border-bottom: 1px solid #ccc; margin-top: 2.5rem; }
nav a { margin-right: 1rem; }
figure { margin: 1rem 0; overflow-x: auto; border: 1px solid #eee; padding: 0.3rem; }
figure svg { display: block; margin: 0 auto; }
figcaption { color: #555; font-size: 0.9em; margin-top: 0.3rem; }
table { border-collapse: collapse; }
td, th { padding: 0.2rem 0.6rem; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: 0.5rem 1rem; margin: 0.8rem 0; }
.card:target { border-color: #933; box-shadow: 0 0 6px #c99; }
.type, .legal { color: #666; font-size: 0.9em; }
.alleged { color: #888; }
.cite, .note { color: #555; font-size: 0.9em; }
.findings li { margin: 0.4rem 0; }
)";

// Up to this many entities every entity has a card; above, only those the dossier names.
constexpr std::size_t every_card_limit = 2000;
// Above this many nodes in the criminal network, betweenness is sampled from this many sources
// unless the caller asked for a sample size.
constexpr std::size_t exact_betweenness_limit = 5000;
constexpr std::size_t betweenness_sources = 1000;
// Rows of each ranking, entities of the overview from each ranking, items of each faction list.
constexpr std::size_t ranking_rows = 10;
constexpr std::size_t overview_per_ranking = 10;
constexpr std::size_t list_items = 20;

std::string escape(std::string_view text) { return html_escape(text); }

std::string score_text(double score) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4f", score);
  return text;
}

std::string citations(const KnowledgeGraph& graph, const std::vector<Citation>& list) {
  std::string out;
  for (const auto& c : list) {
    const Source* source = graph.find_source(c.source);
    const std::string label = source ? source->title : c.source.str();
    const std::string_view support = support_label(c.support);
    out += "<div class=\"cite\">[<a href=\"#source-" + anchor_id(c.source) + "\">" + escape(label) + "</a> §" +
           escape(c.section) + (support.empty() ? "" : ", " + escape(support)) + "] " + escape(c.note) + "</div>";
  }
  return out;
}

std::string ranking(const CentralityScores& scores, Links& links) {
  std::string out = "<table><tr><th>#</th><th>entity</th><th>type</th><th>" + std::string(to_string(scores.measure)) +
                    "</th></tr>";
  const auto order = scores.ranking();
  for (std::size_t i = 0; i < std::min(ranking_rows, order.size()); ++i) {
    const Vertex v = order[i].entity;
    out += "<tr><td>" + std::to_string(i + 1) + "</td><td>" + links.entity(v) + "</td><td>" +
           escape(to_string(links.graph().entity(v).type)) + "</td><td>" + score_text(order[i].score) + "</td></tr>";
  }
  return out + "</table>\n";
}

std::string sampling_note(const CentralityScores& betweenness, std::size_t nodes) {
  if (betweenness.samples == 0) return "<p class=\"note\">Betweenness is exact.</p>";
  return "<p class=\"note\">Betweenness is estimated from shortest paths out of " +
         std::to_string(betweenness.samples) + " of the " + std::to_string(nodes) +
         " entities, drawn at random (seeded): every score is within ±" + score_text(betweenness.error_bound) +
         " of the exact one with 95% confidence, for all entities at once (Hoeffding bound).</p>";
}

// Betweenness and degree over the criminal network (people, groups and businesses and the ties
// among them), as `centrality` ranks by default.
std::string rankings(const Projection& projection, const CentralityScores& betweenness, const CentralityScores& degree,
                     Links& links) {
  return "<section id=\"rankings\"><h2>Rankings</h2>\n<p>Over the criminal network: " +
         std::to_string(projection.node_count()) + " people, groups and businesses and the " +
         std::to_string(projection.edge_count()) +
         " ties among them (places, agencies and events left out).</p>\n<h3>Brokers: top by betweenness</h3>\n" +
         sampling_note(betweenness, projection.node_count()) + ranking(betweenness, links) +
         "<h3>Most connected: top by degree</h3>\n" + ranking(degree, links) + "</section>\n";
}

// Up to list_items items of `list`, each written by `item`, then how many were left out.
template <typename List, typename Item>
std::string capped(const List& list, const Item& item) {
  std::string out;
  for (std::size_t i = 0; i < std::min(list_items, list.size()); ++i) out += "<li>" + item(list[i]) + "</li>";
  if (list.size() > list_items)
    out += "<li class=\"note\">and " + std::to_string(list.size() - list_items) + " more (cartelgraph factions)</li>";
  return out;
}

std::string faction_section(const FactionReport& report, Links& links) {
  std::string out = "<h3>Alliance blocs</h3><ol>" + capped(report.blocs, [&](const Bloc& bloc) {
                      std::string item = links.entities(bloc.groups);
                      if (!bloc.people.empty())
                        item += "<br><span class=\"type\">people:</span> " + links.entities(bloc.people);
                      return item;
                    });
  out +=
      "</ol><h3>Sides</h3><p>Each conflict split into the two camps that leave the fewest frustrated ties "
      "(an alliance across the camps or a rivalry inside one).</p><ol>" +
      capped(report.conflicts, [&](const Conflict& c) {
        return links.entities(c.camps[0].groups) + " <strong>against</strong> " + links.entities(c.camps[1].groups) +
               " (" + std::to_string(c.frustration) + " frustrated" +
               (c.exact ? "" : ", at least " + std::to_string(c.lower_bound)) + ")" +
               links.relation_sources(c.frustrated);
      });
  out += "</ol><h3>Structural balance</h3><p>" + std::to_string(report.triangles.size()) +
         " triangles: " + std::to_string(report.balanced) + " balanced, " + std::to_string(report.unbalanced) +
         " unbalanced (ratio " + score_text(report.balance_ratio) + ").</p><ul>" +
         capped(report.triangles, [&](const SignedTriangle& t) {
           const std::vector<Vertex> three{t.a, t.b, t.c};
           return std::string(t.balanced ? "balanced: " : "<strong>unbalanced</strong>: ") + links.entities(three);
         });
  out += "</ul><h3>Enemy of my enemy</h3><ul>" + capped(report.candidates, [&](const EnemyOfEnemy& c) {
           return links.entity(c.a) + " and " + links.entity(c.b) + " share " +
                  std::to_string(c.shared_enemies.size()) + " enemies: " + links.entities(c.shared_enemies) +
                  links.relation_sources(c.relations);
         });
  return out + "</ul>\n";
}

std::string card(const GraphView& view, Vertex v, Links& links) {
  const KnowledgeGraph& graph = view.knowledge_graph();
  const Entity& entity = graph.entity(v);
  std::string out = "<div class=\"card\" id=\"entity-" + anchor_id(entity.id) + "\"><h3>" +
                    escape(dossier::known_name(entity)) + " <span class=\"type\">" + escape(to_string(entity.type)) +
                    "</span></h3>";
  if (!entity.known_as.empty()) out += "<p class=\"legal\">" + escape(entity.name) + "</p>";
  if (!entity.aliases.empty()) {
    out += "<p>Also known as: ";
    for (std::size_t i = 0; i < entity.aliases.size(); ++i) out += (i ? "; " : "") + escape(entity.aliases[i]);
    out += "</p>";
  }
  out += "<p>" + escape(entity.description) + "</p>" + citations(graph, entity.sources);
  const EntityCard relations = entity_card(view, v);
  if (relations.relations.empty()) return out + "</div>\n";
  out += "<table><tr><th>date</th><th>relation</th><th>confidence</th><th>sources</th></tr>";
  const Graph& g = graph.graph();
  for (const auto& item : relations.relations) {
    const Relation& r = graph.relation(item.edge);
    out += std::string("<tr") + (r.confidence == Confidence::alleged ? " class=\"alleged\"" : "") + "><td>" +
           escape(date_span(r)) + "</td><td>" + links.entity(boost::source(item.edge, g)) + " " +
           escape(kind_label(r.kind)) + " " + links.entity(boost::target(item.edge, g));
    if (!r.place.empty())
      if (const auto place = graph.find(r.place)) out += " (in " + links.entity(*place) + ")";
    out += "</td><td>" + escape(to_string(r.confidence)) + "</td><td>" + citations(graph, r.sources) + "</td></tr>";
  }
  return out + "</table></div>\n";
}

std::string entity_section(const GraphView& view, std::size_t entities, Links& links) {
  links.close();
  std::vector<Vertex> carded = links.carded();
  const KnowledgeGraph& graph = view.knowledge_graph();
  std::ranges::sort(carded, {}, [&](Vertex v) { return dossier::known_name(graph.entity(v)); });
  std::string out = "<section id=\"entities\"><h2>Entities</h2>\n";
  if (carded.size() < entities)
    out += "<p class=\"note\">Cards of the " + std::to_string(carded.size()) + " entities this dossier names, of " +
           std::to_string(entities) + " (cartelgraph show ID for any other).</p>";
  out += "<p>";
  for (const Vertex v : carded) out += links.entity(v) + " · ";
  out += "</p>\n";
  for (const Vertex v : carded) out += card(view, v, links);
  return out + "</section>\n";
}

// "www.state.gov" of "https://www.state.gov/joint-statement/"; empty without a scheme.
std::string url_host(std::string_view url) {
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return {};
  const std::string_view rest = url.substr(scheme + 3);
  return std::string(rest.substr(0, rest.find('/')));
}

// Each source by title, outlet (its publisher, else its web site), author and date, then its
// address as text (the dossier links nowhere outside itself).
std::string source_section(const KnowledgeGraph& graph) {
  std::string out = "<section id=\"sources\"><h2>Sources</h2><ol>";
  for (const auto& s : graph.sources()) {
    out += "<li id=\"source-" + anchor_id(s.id) + "\"><cite>" + escape(s.title) + "</cite>";
    const std::string outlet = s.publisher.empty() ? url_host(s.url) : s.publisher;
    for (const std::string* part : {&outlet, &s.author, &s.published})
      if (!part->empty()) out += ", " + escape(*part);
    out += (s.url.empty() ? "" : ". <span class=\"note\">" + escape(s.url) + "</span>") + "</li>";
  }
  return out + "</ol></section>\n";
}

// The overview: the criminal network's entities that rank highest by betweenness or degree,
// and the ties among them.
std::string overview(const GraphView& criminal, const CentralityScores& betweenness, const CentralityScores& degree,
                     Links& links) {
  const auto betweenness_order = betweenness.ranking(), degree_order = degree.ranking();
  const DiagramSpec whole = whole_view(criminal);
  const auto top = [&](std::size_t per_ranking) {
    std::vector<Vertex> vertices;
    for (const auto* order : {&betweenness_order, &degree_order})
      for (std::size_t i = 0; i < std::min(per_ranking, order->size()); ++i)
        if (std::ranges::find(vertices, (*order)[i].entity) == vertices.end()) vertices.push_back((*order)[i].entity);
    return dossier::restrict_spec(criminal.knowledge_graph(), whole, vertices);
  };
  const dossier::Drawing drawing = dossier::largest_fitting(criminal.knowledge_graph(), {overview_per_ranking, 7, 5},
                                                            top);
  const DiagramSpec& spec = drawing.spec;
  if (spec.entities.empty()) return {};
  return "<section id=\"overview\"><h2>The criminal network's central figures</h2>\n" +
         dossier::figure(links, drawing,
                         "The " + std::to_string(spec.entities.size()) +
                             " people, groups and businesses that rank highest as brokers or by their ties, and the " +
                             std::to_string(spec.relations.size()) + " criminal ties among them.") +
         "</section>\n";
}

std::string storylines(const GraphView& view, const FactionReport& conflicts, Links& links) {
  std::string out = "<section id=\"storylines\"><h2>Storylines</h2>\n";
  for (const auto& storyline : view.knowledge_graph().storylines()) {
    const DiagramSpec spec = storyline_view(view, storyline.id);
    if (spec.relations.empty()) continue;
    out += "<h3 id=\"storyline-" + anchor_id(storyline.id) + "\">" + escape(storyline.title) + "</h3>\n" +
           dossier::figures(links, view, conflicts, spec, "storyline");
  }
  return out + "</section>\n";
}

std::string introduction(const GraphView& view) {
  const GraphSummary summary = summarize(view);
  std::string out =
      "<h1>Dossier</h1>\n<nav><a href=\"#findings\">Key findings</a><a href=\"#overview\">Central figures</a>"
      "<a href=\"#storylines\">Storylines</a><a href=\"#factions\">Factions</a>"
      "<a href=\"#rankings\">Rankings</a><a href=\"#entities\">Entities</a><a href=\"#sources\">Sources</a></nav>\n";
  out += "<p>" + std::to_string(summary.entities) + " entities and " + std::to_string(summary.relations) +
         " relations from " + std::to_string(summary.sources) + " source documents";
  if (summary.earliest) out += ", dated " + summary.earliest->to_string() + " to " + summary.latest->to_string();
  if (view.filter().as_of) out += ", as of " + view.filter().as_of->to_string();
  return out +
         ". Every relation carries its date, confidence and sources; click a node for its card, a number "
         "for its source.</p>\n";
}

}  // namespace

std::string render_dossier(const GraphView& view, const CentralityOptions& analysis) {
  const KnowledgeGraph& graph = view.knowledge_graph();
  Links links(graph);
  const FilteredGraph filtered = view.graph();
  const auto [first, last] = boost::vertices(filtered);
  const auto entities = static_cast<std::size_t>(std::distance(first, last));
  if (entities <= every_card_limit)
    for (const Vertex v : boost::make_iterator_range(first, last)) links.add_card(v);

  const GraphView criminal(graph, network_filter(view.filter(), NetworkKind::criminal));
  const Network network(criminal, NetworkKind::criminal);
  const Projection& projection = network.projection();
  CentralityOptions options = analysis;
  if (options.samples == 0 && projection.node_count() > exact_betweenness_limit) options.samples = betweenness_sources;
  const CentralityScores betweenness = centrality(projection, CentralityMeasure::betweenness, options);
  const CentralityScores degree = centrality(projection, CentralityMeasure::degree, options);
  const FactionReport report = factions(view);

  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width\"><title>Dossier</title><style>" +
      std::string(style_sheet) + "</style></head><body>\n" + introduction(view);
  html += dossier::key_findings(view, report, betweenness, links);
  html += overview(criminal, betweenness, degree, links);
  html += storylines(view, report, links);
  html += "<section id=\"factions\"><h2>Factions and balance</h2>\n" + faction_section(report, links) + "</section>\n";
  html += rankings(projection, betweenness, degree, links);
  html += entity_section(view, entities, links);
  return html + source_section(graph) + "</body></html>\n";
}

}  // namespace cartelgraph
