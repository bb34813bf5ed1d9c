#include <cstdio>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/cli/text_output.hpp"
#include "cartelgraph/graph/error.hpp"
#include "cartelgraph/queries/changes.hpp"

namespace cartelgraph::cli {

namespace {

struct DiffOptions {
  std::string from;
  std::string to;
  std::string entity;
};

const CommandHelp help = {"diff", "What changed between two dates: ties that began or ended, blocs and sides",
                          "cartelgraph diff --from 2021-01 --to 2021-06"};

// What "between" means, above the example in `diff --help`.
const char* const explanation =
    "The window runs from the day after --from to --to inclusive, each date taken at its last\n"
    "day as --as-of takes it: --from 2021-01 --to 2021-06 is 2021-02-01 to 2021-06-30.\n"
    "Dates known only to the month or year follow --as-of's rule: a start counts from the last\n"
    "day of its month or year, an end from the first (a tie begun \"2021-03\" began in the window\n"
    "above; one begun \"2021\" did not, since it is certain only from 2021-12-31). A month or\n"
    "year that straddles --from or --to is marked, and one the rule puts outside the window but\n"
    "that overlaps it is listed under \"Possibly in the window\". So is a tie whose start is\n"
    "unknown but which is known to hold by a date in the window (`known_by`): it may have begun\n"
    "there or before, never certainly in the window; and a tie whose end is unknown but which is\n"
    "known to have ended by a date in the window (`ended_by`, a \"former\" tie).\n"
    "Blocs and sides are those of `factions` as of --from and as of --to; blocs (conflicts) of\n"
    "the two dates that share a group are the same one. Relations with no date hold on both\n"
    "dates: diff cannot place them, and says how many there are. --as-of is refused (diff\n"
    "sets its own two dates).";

// A usage error unless `text` is a date; `option` names it.
Date parse_date(const std::string& text, const char* option) {
  const auto date = Date::parse(text);
  if (!date)
    throw Error(ErrorCategory::usage,
                std::string(option) + " '" + text + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
  return *date;
}

void write_relations(JsonWriter& json, const KnowledgeGraph& graph, std::string_view name,
                     const std::vector<Edge>& relations) {
  json.array_member(name, relations, [&](const Edge e) { json.relation(graph, e); });
}

void write_event(JsonWriter& json, const KnowledgeGraph& graph, const TimelineEvent& event) {
  json.member("date", event.date.to_string());
  json.member("boundary", to_string(event.boundary));
  json.relation_members(graph, event.relation);
}

void write_window_events(JsonWriter& json, const KnowledgeGraph& graph, std::string_view name,
                         const std::vector<WindowEvent>& events) {
  json.array_member(name, events, [&](const WindowEvent& e) {
    json.object([&] {
      json.member("certain", e.certain);
      write_event(json, graph, e.event);
    });
  });
}

void write_set_change(JsonWriter& json, const KnowledgeGraph& graph, const GroupSetChange& change, bool conflict) {
  json.object([&] {
    json.member("change", to_string(kind_of(change)));
    for (const auto& [name, groups] : {std::pair{"before", &change.before}, std::pair{"after", &change.after},
                                       std::pair{"joined", &change.joined}, std::pair{"left", &change.left}}) {
      json.key(name);
      json.ids(graph, *groups);
    }
    write_relations(json, graph, "began", change.began);
    write_relations(json, graph, "ended", change.ended);
    if (!conflict) return;
    for (const auto& [name, list] :
         {std::pair{"camps_before", &change.camps_before}, std::pair{"camps_after", &change.camps_after}})
      json.array_member(name, *list, [&](const auto& camps) {
        json.array([&] {
          for (const auto& camp : camps) json.ids(graph, camp);
        });
      });
  });
}

void write_group_change(JsonWriter& json, const KnowledgeGraph& graph, const GroupChange& change) {
  json.member("group", graph.entity(change.group).id);
  write_relations(json, graph, "began", change.began);
  write_relations(json, graph, "ended", change.ended);
}

void write_sides(JsonWriter& json, const KnowledgeGraph& graph, const SidesChange& sides) {
  json.object([&] {
    json.member("conflicts_before", sides.conflicts_before);
    json.member("conflicts_after", sides.conflicts_after);
    json.array_member("conflicts", sides.conflicts, [&](const auto& c) { write_set_change(json, graph, c, true); });
    json.array_member("switched", sides.switched, [&](const SideSwitch& s) {
      json.object([&] {
        write_group_change(json, graph, s.change);
        json.key("camp_before");
        json.ids(graph, s.camp_before);
        json.key("camp_after");
        json.ids(graph, s.camp_after);
      });
    });
    for (const auto& [name, list] : {std::pair{"aligned", &sides.aligned}, std::pair{"unaligned", &sides.unaligned}})
      json.array_member(name, *list, [&](const auto& c) { json.object([&] { write_group_change(json, graph, c); }); });
  });
}

void write_json(JsonWriter& json, const KnowledgeGraph& graph, std::optional<Vertex> entity, const Changes& changes) {
  json.begin_object();
  if (entity) json.member("entity", graph.entity(*entity).id);
  json.member("from", changes.from.to_string());
  json.member("to", changes.to.to_string());
  json.member("after_day", changes.from.last_day().to_string());
  json.member("through_day", changes.to.last_day().to_string());
  write_window_events(json, graph, "began", changes.began);
  write_window_events(json, graph, "ended", changes.ended);
  json.array_member("possible", changes.possible,
                    [&](const TimelineEvent& e) { json.object([&] { write_event(json, graph, e); }); });
  json.key("blocs");
  json.object([&] {
    json.member("before", changes.blocs_before);
    json.member("after", changes.blocs_after);
    json.array_member("changes", changes.blocs, [&](const auto& c) { write_set_change(json, graph, c, false); });
  });
  json.key("sides");
  write_sides(json, graph, changes.sides);
  json.member("undated", changes.undated);
  json.member("undated_signed", changes.undated_signed);
  json.end_object();
}

// "  2021-03      Los Salazar allied with Los Garibay [reported] (caveat) [citations]", after `lead`.
void print_event(const KnowledgeGraph& graph, const TimelineEvent& event, const std::string& lead,
                 const std::string& caveat) {
  std::printf("  %s%-12s %s%s %s\n", lead.c_str(), event.date.to_string().c_str(),
              relation_sentence(graph, event.relation).c_str(), caveat.c_str(),
              citation_list(graph.relation(event.relation).sources).c_str());
}

// Why a coarse date placed in the window may belong outside it.
std::string caveat(const WindowEvent& e, const Changes& changes) {
  if (e.certain) return "";
  const char* unit = e.event.date.precision() == Date::Precision::year ? "year" : "month";
  if (e.event.boundary == TieBoundary::began)
    return std::string(" (only the ") + unit + " is known: it may have begun by " +
           changes.from.last_day().to_string() + ")";
  return std::string(" (only the ") + unit + " is known: it may have held through " +
         changes.to.last_day().to_string() + ")";
}

void print_events(const KnowledgeGraph& graph, const char* heading, const std::vector<WindowEvent>& events,
                  const Changes& changes) {
  std::printf("%s%s\n", heading, events.empty() ? ": none" : "");
  for (const WindowEvent& e : events) print_event(graph, e.event, "", caveat(e, changes));
}

void print_possible(const KnowledgeGraph& graph, const Changes& changes) {
  if (changes.possible.empty()) return;
  std::printf(
      "\nPossibly in the window (known only to a month or year that overlaps it, counted outside; or known\n"
      "to hold by a date in it, its start unknown: it may have begun in the window or before; or known to\n"
      "have ended by a date in it, its end unknown: it may have ended in the window or before)\n");
  for (const TimelineEvent& e : changes.possible)
    print_event(graph, e, std::string(boundary_words(e.boundary)) + " ", "");
}

// The ties under "began:" and "ended:": each with its citations' notes on lines of its own
// (`notes`), or on one line with its citations (ties already cited in full above).
void print_ties(const KnowledgeGraph& graph, const char* indent, const std::vector<Edge>& began,
                const std::vector<Edge>& ended, bool notes) {
  const std::string inner = std::string(indent) + "  ";
  for (const auto& [label, ties] : {std::pair{"began", &began}, std::pair{"ended", &ended}}) {
    if (ties->empty()) continue;
    std::printf("%s%s:\n", indent, label);
    for (const Edge e : *ties) {
      if (notes) std::fputs(cited_relation(graph, e, inner).c_str(), stdout);
      else
        std::printf("%s%s %s\n", inner.c_str(), dated_relation(graph, e, 16).c_str(),
                    citation_list(graph.relation(e).sources).c_str());
    }
  }
}

// "    sides now: Los Chapitos, Los Salazar | El Mayo's faction, Los Rusos", one line a conflict.
void print_camps(const KnowledgeGraph& graph, const char* label,
                 const std::vector<std::array<std::vector<Vertex>, 2>>& conflicts) {
  for (const auto& camps : conflicts)
    std::printf("    %s: %s | %s\n", label, name_list(graph, camps[0]).c_str(), name_list(graph, camps[1]).c_str());
}

void print_set_changes(const KnowledgeGraph& graph, const std::vector<GroupSetChange>& changes) {
  for (const GroupSetChange& c : changes) {
    const std::string kind(to_string(kind_of(c)));
    std::printf("  %s: %s\n", kind.c_str(), name_list(graph, c.after.empty() ? c.before : c.after).c_str());
    if (!c.before.empty() && !c.after.empty()) std::printf("    was: %s\n", name_list(graph, c.before).c_str());
    if (!c.joined.empty() && !c.before.empty()) std::printf("    joined: %s\n", name_list(graph, c.joined).c_str());
    if (!c.left.empty() && !c.after.empty()) std::printf("    left: %s\n", name_list(graph, c.left).c_str());
    print_camps(graph, "sides were", c.camps_before);
    print_camps(graph, "sides now", c.camps_after);
    print_ties(graph, "    ", c.began, c.ended, true);
  }
}

void print_sides(const KnowledgeGraph& graph, const SidesChange& sides) {
  std::printf("\nSides (conflicts: %zu before, %zu after)%s\n", sides.conflicts_before, sides.conflicts_after,
              sides.conflicts.empty() && sides.switched.empty() && sides.aligned.empty() && sides.unaligned.empty()
                  ? ": no change"
                  : "");
  print_set_changes(graph, sides.conflicts);
  for (const SideSwitch& s : sides.switched) {
    std::printf("  %s changed side: was with %s; now with %s\n", visible(graph.entity(s.change.group).name).c_str(),
                name_list(graph, s.camp_before).c_str(), name_list(graph, s.camp_after).c_str());
    print_ties(graph, "    ", s.change.began, s.change.ended, false);
  }
  for (const auto& [label, list] :
       {std::pair{"became aligned (an alliance or rivalry began)", &sides.aligned},
        std::pair{"became unaligned (its last alliance or rivalry ended)", &sides.unaligned}})
    for (const GroupChange& c : *list) {
      std::printf("  %s %s\n", visible(graph.entity(c.group).name).c_str(), label);
      print_ties(graph, "    ", c.began, c.ended, false);
    }
}

void write_text(const KnowledgeGraph& graph, std::optional<Vertex> entity, const Changes& changes) {
  const std::string from = changes.from.to_string();
  const std::string to = changes.to.to_string();
  std::printf("Changes after %s up to %s (the days after %s, through %s)\n", from.c_str(), to.c_str(),
              changes.from.last_day().to_string().c_str(), changes.to.last_day().to_string().c_str());
  if (entity) std::printf("Began and ended: the relations of %s only\n", entity_label(graph, *entity).c_str());
  std::printf("\n");
  print_events(graph, "Began", changes.began, changes);
  print_events(graph, "Ended", changes.ended, changes);
  print_possible(graph, changes);
  std::printf("\nBlocs (%zu as of %s, %zu as of %s)%s\n", changes.blocs_before, from.c_str(), changes.blocs_after,
              to.c_str(), changes.blocs.empty() ? ": no change" : "");
  print_set_changes(graph, changes.blocs);
  print_sides(graph, changes.sides);
  const bool one = changes.undated == 1;
  std::printf(
      "\n%zu undated relation%s cannot be placed in time: %s as holding on both dates, so if %s began\n"
      "or ended in this window, the change does not show here.\n",
      changes.undated, one ? "" : "s", one ? "it counts" : "they count", one ? "it" : "any");
  std::printf("Blocs and sides count %zu undated %s between groups on both dates.\n", changes.undated_signed,
              changes.undated_signed == 1 ? "alliance or rivalry" : "alliances and rivalries");
}

int run_diff(const Context& context, const DiffOptions& options) {
  if (!context.options.as_of.empty())
    throw Error(ErrorCategory::usage, "--as-of does not apply to diff: it compares the two dates --from and --to");
  const Date from = parse_date(options.from, "--from");
  const Date to = parse_date(options.to, "--to");
  const Session session(context);
  const auto entity = session.resolve_if_given(options.entity);
  return answer(session, write_json, write_text, session.graph(), entity, changes(session.view(), from, to, entity));
}

// The options of `diff`, declared when it is parsed (cli/command.hpp).
void declare_diff_options(CLI::App* command, DiffOptions* options) {
  command->add_option("--from", options->from, "The window starts after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
      ->required()
      ->type_name("DATE");
  command->add_option("--to", options->to, "The window ends with this date (YYYY, YYYY-MM or YYYY-MM-DD)")
      ->required()
      ->type_name("DATE");
  command->add_option("entity", options->entity, "Only the began and ended relations of this entity")
      ->type_name("ENTITY");
  command->footer(std::string(explanation) + "\n\n" + command->get_footer());
}

}  // namespace

void setup_diff(CLI::App& app, Context& context) { add_command(app, context, help, run_diff, declare_diff_options); }

}  // namespace cartelgraph::cli
