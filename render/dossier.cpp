#include "cartelgraph/render/dossier.hpp"

#include <algorithm>

#include "cartelgraph/queries/centrality.hpp"
#include "cartelgraph/queries/network.hpp"
#include "cartelgraph/queries/entity_card.hpp"
#include "cartelgraph/queries/factions.hpp"
#include "cartelgraph/queries/summary.hpp"
#include "cartelgraph/render/diagram.hpp"
#include "cartelgraph/render/escape.hpp"
#include "cartelgraph/render/kind_style.hpp"
#include "cartelgraph/render/labels.hpp"

namespace cartelgraph {

namespace {

constexpr std::string_view style_sheet = R"(
body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 2rem; color: #222; }
h1 { border-bottom: 2px solid #933; }
h2 { border-bottom: 1px solid #ccc; margin-top: 2.5rem; }
nav a { margin-right: 1rem; }
figure { margin: 1rem 0; overflow-x: auto; border: 1px solid #eee; }
figure svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; }
td, th { padding: 0.2rem 0.6rem; border-bottom: 1px solid #eee; text-align: left; vertical-align: top; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: 0.5rem 1rem; margin: 0.8rem 0; }
.card:target { border-color: #933; box-shadow: 0 0 6px #c99; }
.type { color: #666; font-size: 0.9em; }
.alleged { color: #888; }
.cite { color: #555; font-size: 0.85em; }
)";

std::string escape(std::string_view text) { return html_escape(text); }

// The <svg> element of Graphviz's SVG output, without its XML prologue and doctype.
std::string inline_svg(const KnowledgeGraph& graph, DiagramSpec spec, std::string_view layout) {
  spec.links = true;
  const std::string svg = render_diagram(graph, spec, DiagramFormat::svg, layout);
  const auto start = svg.find("<svg");
  return start == std::string::npos ? svg : svg.substr(start);
}

std::string figure(const KnowledgeGraph& graph, const DiagramSpec& spec, std::string_view caption,
                   std::string_view layout) {
  return "<figure>" + inline_svg(graph, spec, layout) + "<figcaption>" + escape(caption) + "</figcaption></figure>\n";
}

std::string entity_link(const KnowledgeGraph& graph, Vertex v) {
  const Entity& entity = graph.entity(v);
  return "<a href=\"#entity-" + anchor_id(entity.id) + "\">" + escape(entity.name) + "</a>";
}

// ", title only" or ", statement" after a citation's section; nothing for the document's text.
std::string support_suffix(CitationSupport support) {
  const std::string_view label = support_label(support);
  return label.empty() ? std::string() : ", " + escape(label);
}

std::string citations(const std::vector<Citation>& list) {
  std::string out;
  for (const auto& c : list)
    out += "<div class=\"cite\">[<a href=\"#source-" + anchor_id(c.source) + "\">" + escape(c.source) + "</a> §" +
           escape(c.section) + support_suffix(c.support) + "] " + escape(c.note) + "</div>";
  return out;
}

std::string ranking(const KnowledgeGraph& graph, const Projection& projection, CentralityMeasure measure,
                    const CentralityOptions& analysis) {
  const CentralityScores scores = centrality(projection, measure, analysis);
  std::string out = "<table><tr><th>#</th><th>entity</th><th>type</th><th>" + std::string(to_string(measure)) +
                    "</th></tr>";
  const auto order = scores.ranking();
  for (std::size_t i = 0; i < std::min<std::size_t>(10, order.size()); ++i) {
    const Vertex v = order[i].entity;
    char score[32];
    std::snprintf(score, sizeof score, "%.4f", order[i].score);
    out += "<tr><td>" + std::to_string(i + 1) + "</td><td>" + entity_link(graph, v) + "</td><td>" +
           escape(to_string(graph.entity(v).type)) + "</td><td>" + score + "</td></tr>";
  }
  return out + "</table>\n";
}

// The rankings section: betweenness and degree over the criminal network (people, groups,
// businesses and the ties among them), as `centrality` ranks by default.
std::string rankings(const GraphView& view, const CentralityOptions& analysis) {
  const GraphView criminal(view.knowledge_graph(), network_filter(view.filter(), NetworkKind::criminal));
  const Network network(criminal, NetworkKind::criminal);
  const Projection& projection = network.projection();
  const KnowledgeGraph& graph = view.knowledge_graph();
  return "<section id=\"rankings\"><h2>Rankings</h2>\n<p>Over the criminal network: " +
         std::to_string(projection.node_count()) + " people, groups and businesses and the " +
         std::to_string(projection.edge_count()) +
         " ties among them (places, agencies and events left out).</p>\n<h3>Brokers: top by betweenness</h3>\n" +
         ranking(graph, projection, CentralityMeasure::betweenness, analysis) +
         "<h3>Most connected: top by degree</h3>\n" + ranking(graph, projection, CentralityMeasure::degree, analysis) +
         "</section>\n";
}

std::string names(const KnowledgeGraph& graph, const std::vector<Vertex>& vertices) {
  std::string out;
  for (const Vertex v : vertices) out += (out.empty() ? "" : ", ") + entity_link(graph, v);
  return out;
}

// Each conflict's two camps, with the frustration of the split.
std::string sides_section(const KnowledgeGraph& graph, const FactionReport& report) {
  std::string out =
      "<h3>Sides</h3><p>Each conflict split into the two camps that leave the fewest frustrated ties "
      "(an alliance across the camps or a rivalry inside one).</p><ol>";
  for (const auto& conflict : report.conflicts) {
    out += "<li>" + names(graph, conflict.camps[0].groups) + " <strong>against</strong> " +
           names(graph, conflict.camps[1].groups) + " (" + std::to_string(conflict.frustration) + " frustrated" +
           (conflict.exact ? "" : ", at least " + std::to_string(conflict.lower_bound)) + ")</li>";
  }
  return out + "</ol>";
}

std::string faction_section(const KnowledgeGraph& graph, const FactionReport& report) {
  std::string out = "<h3>Alliance blocs</h3><ol>";
  for (const auto& bloc : report.blocs) {
    out += "<li>" + names(graph, bloc.groups);
    if (!bloc.people.empty()) out += "<br><span class=\"type\">people:</span> " + names(graph, bloc.people);
    out += "</li>";
  }
  char ratio[32];
  std::snprintf(ratio, sizeof ratio, "%.3f", report.balance_ratio);
  out += "</ol>" + sides_section(graph, report) + "<h3>Structural balance</h3><p>" +
         std::to_string(report.triangles.size()) + " triangles: " + std::to_string(report.balanced) + " balanced, " +
         std::to_string(report.unbalanced) + " unbalanced (ratio " + ratio + ").</p><ul>";
  for (const auto& t : report.triangles)
    out += std::string("<li>") + (t.balanced ? "balanced: " : "<strong>unbalanced</strong>: ") +
           names(graph, {t.a, t.b, t.c}) + "</li>";
  out += "</ul><h3>Enemy of my enemy</h3><ul>";
  for (const auto& c : report.candidates)
    out += "<li>" + entity_link(graph, c.a) + " and " + entity_link(graph, c.b) + " share " +
           std::to_string(c.shared_enemies.size()) + " enemies: " + names(graph, c.shared_enemies) + "</li>";
  return out + "</ul>\n";
}

std::string card(const GraphView& view, Vertex v) {
  const KnowledgeGraph& graph = view.knowledge_graph();
  const Entity& entity = graph.entity(v);
  std::string out = "<div class=\"card\" id=\"entity-" + anchor_id(entity.id) + "\"><h3>" + escape(entity.name) +
                    " <span class=\"type\">" + escape(to_string(entity.type)) + " · " + escape(entity.id) +
                    "</span></h3>";
  if (!entity.known_as.empty()) out += "<p>Known as: " + escape(entity.known_as) + "</p>";
  if (!entity.aliases.empty()) {
    out += "<p>Also known as: ";
    for (std::size_t i = 0; i < entity.aliases.size(); ++i) out += (i ? "; " : "") + escape(entity.aliases[i]);
    out += "</p>";
  }
  out += "<p>" + escape(entity.description) + "</p>" + citations(entity.sources);
  const EntityCard relations = entity_card(view, v);
  if (!relations.relations.empty()) {
    out += "<table><tr><th>date</th><th>relation</th><th>confidence</th><th>sources</th></tr>";
    const Graph& g = graph.graph();
    for (const auto& item : relations.relations) {
      const Relation& r = graph.relation(item.edge);
      const bool alleged = r.confidence == Confidence::alleged;
      out += std::string("<tr") + (alleged ? " class=\"alleged\"" : "") + "><td>" + escape(date_span(r)) + "</td><td>" +
             entity_link(graph, boost::source(item.edge, g)) + " " + escape(kind_label(r.kind)) + " " +
             entity_link(graph, boost::target(item.edge, g));
      if (!r.place.empty())
        if (const auto place = graph.find(r.place)) out += " (in " + entity_link(graph, *place) + ")";
      out += "</td><td>" + escape(to_string(r.confidence)) + "</td><td>" + citations(r.sources) + "</td></tr>";
    }
    out += "</table>";
  }
  return out + "</div>\n";
}

}  // namespace

std::string render_dossier(const GraphView& view, const CentralityOptions& analysis) {
  const KnowledgeGraph& graph = view.knowledge_graph();
  const GraphSummary summary = summarize(view);

  std::string html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                     "<title>cartelgraph dossier</title><style>" + std::string(style_sheet) +
                     "</style></head><body>\n<h1>cartelgraph dossier</h1>\n";
  html += "<nav><a href=\"#overview\">Overview</a><a href=\"#storylines\">Storylines</a>"
          "<a href=\"#factions\">Factions</a><a href=\"#rankings\">Rankings</a>"
          "<a href=\"#entities\">Entities</a><a href=\"#sources\">Sources</a></nav>\n";
  html += "<p>" + std::to_string(summary.entities) + " entities and " + std::to_string(summary.relations) +
          " relations from " + std::to_string(summary.sources) + " source documents";
  if (summary.earliest) html += ", dated " + summary.earliest->to_string() + " to " + summary.latest->to_string();
  html += ". Every relation carries its date, confidence and sources; click a node for its card.</p>\n";

  html += "<section id=\"overview\"><h2>Overview</h2>\n" +
          figure(graph, whole_view(view), "Every entity and relation of the view", "sfdp") + "</section>\n";

  html += "<section id=\"storylines\"><h2>Storylines</h2>\n";
  for (const auto& storyline : graph.storylines()) {
    const DiagramSpec spec = storyline_view(view, storyline.id);
    if (spec.relations.empty()) continue;
    html += "<h3 id=\"storyline-" + anchor_id(storyline.id) + "\">" + escape(storyline.title) + "</h3>\n" +
            figure(graph, spec, storyline.title, default_layout(spec));
  }
  html += "</section>\n";

  html += "<section id=\"factions\"><h2>Factions and balance</h2>\n" + faction_section(graph, factions(view)) +
          "</section>\n";
  html += rankings(view, analysis);

  html += "<section id=\"entities\"><h2>Entities</h2>\n<p>";
  std::vector<Vertex> entities;
  const FilteredGraph filtered = view.graph();
  for (const Vertex v : boost::make_iterator_range(boost::vertices(filtered))) entities.push_back(v);
  std::ranges::sort(entities, {}, [&](Vertex v) { return graph.entity(v).name; });
  for (const Vertex v : entities) html += entity_link(graph, v) + " · ";
  html += "</p>\n";
  for (const Vertex v : entities) html += card(view, v);
  html += "</section>\n";

  html += "<section id=\"sources\"><h2>Sources</h2><ol>";
  for (const auto& source : graph.sources()) {
    html += "<li id=\"source-" + anchor_id(source.id) + "\"><strong>" + escape(source.title) + "</strong>";
    if (!source.author.empty()) html += ", " + escape(source.author);
    if (!source.publisher.empty()) html += ", " + escape(source.publisher);
    html += " (" + escape(source.published) + "). <span class=\"type\">" + escape(source.id);
    if (!source.document.empty()) html += " · " + escape(source.document);
    if (!source.url.empty()) html += " · " + escape(source.url);
    html += "</span></li>";
  }
  html += "</ol></section>\n</body></html>\n";
  return html;
}

}  // namespace cartelgraph
