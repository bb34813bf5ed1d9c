#include <algorithm>
#include <cstdio>

#include "cartelgraph/queries/changes.hpp"
#include "cartelgraph/queries/summary.hpp"
#include "cartelgraph/render/dossier_parts.hpp"
#include "cartelgraph/render/escape.hpp"
#include "cartelgraph/render/kind_style.hpp"

namespace cartelgraph::dossier {

namespace {

constexpr std::size_t findings_per_list = 5;
constexpr int window_months = 6;

std::string relation_sentence(Links& links, Edge e) {
  const Graph& g = links.graph().graph();
  return links.entity(boost::source(e, g)) + " " + html_escape(kind_label(links.graph().relation(e).kind)) + " " +
         links.entity(boost::target(e, g));
}

// "Los Chapitos against El Mayo's faction and …" for each conflict, largest first.
std::string sides(const FactionReport& report, Links& links) {
  std::string out;
  for (std::size_t i = 0; i < std::min(findings_per_list, report.conflicts.size()); ++i) {
    const Conflict& conflict = report.conflicts[i];
    out += "<li><strong>Sides:</strong> " + links.entities(conflict.camps[0].groups) + " against " +
           links.entities(conflict.camps[1].groups);
    if (conflict.frustration > 0)
      out += " (" + std::to_string(conflict.frustration) + " tie" + (conflict.frustration == 1 ? "" : "s") +
             " cross this line)";
    out += "." + links.relation_sources(conflict.relations) + "</li>\n";
  }
  return out;
}

std::string brokers(const CentralityScores& scores, Links& links) {
  const auto ranking = scores.ranking();
  std::vector<Vertex> top;
  std::vector<Citation> cited;
  for (std::size_t i = 0; i < std::min<std::size_t>(3, ranking.size()); ++i) {
    if (ranking[i].score <= 0) break;
    top.push_back(ranking[i].entity);
    const auto& own = links.graph().entity(ranking[i].entity).sources;
    cited.insert(cited.end(), own.begin(), own.end());
  }
  if (top.empty()) return {};
  return "<li><strong>Brokers:</strong> " + links.entities(top) + (top.size() == 1 ? " lies" : " lie") +
         " on the most shortest paths between others in the criminal network (betweenness; see "
         "<a href=\"#rankings\">Rankings</a>)." +
         links.sources(cited) + "</li>\n";
}

// The window's start: `months` months before `to`'s month, at month precision.
Date months_before(const Date& to, int months) {
  const int index = to.year() * 12 + (to.month() > 0 ? to.month() : 12) - 1 - months;
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d", index / 12, index % 12 + 1);
  return *Date::parse(text);
}

std::string ties(std::size_t n) { return std::to_string(n) + (n == 1 ? " tie" : " ties"); }

std::string events(const std::vector<WindowEvent>& list, std::string_view verb, Links& links) {
  std::string out;
  for (auto it = list.rbegin();
       it != list.rend() && it - list.rbegin() < static_cast<std::ptrdiff_t>(findings_per_list); ++it)
    out += "<li>" + html_escape(it->event.date.to_string()) + ", " + std::string(verb) + ": " +
           relation_sentence(links, it->event.relation) + "." +
           links.relation_sources(std::span(&it->event.relation, 1)) + "</li>";
  return out;
}

std::string changed(const GraphView& view, Links& links) {
  ViewFilter filter = view.filter();
  std::optional<Date> to = filter.as_of;
  if (!to) to = summarize(view).latest;
  if (!to) return {};
  filter.as_of.reset();
  const Date from = months_before(*to, window_months);
  const Changes c = changes(GraphView(view.knowledge_graph(), filter), from, *to);
  std::string out = "<li><strong>Last " + std::to_string(window_months) + " dated months</strong> (" +
                    months_before(*to, window_months - 1).to_string() + " to " + to->to_string() +
                    "): " + ties(c.began.size()) + " began and " + std::to_string(c.ended.size()) + " ended";
  if (!c.sides.switched.empty()) {
    std::vector<Vertex> switched;
    for (const auto& s : c.sides.switched) switched.push_back(s.change.group);
    out += "; " + links.entities(switched) + " changed sides";
  }
  out += ".<ul>" + events(c.began, "began", links) + events(c.ended, "ended", links) + "</ul></li>\n";
  return out;
}

}  // namespace

std::string key_findings(const GraphView& view, const FactionReport& factions, const CentralityScores& scores,
                         Links& links) {
  return "<section id=\"findings\"><h2>Key findings</h2>\n<ul class=\"findings\">\n" + sides(factions, links) +
         brokers(scores, links) + changed(view, links) + "</ul></section>\n";
}

}  // namespace cartelgraph::dossier
