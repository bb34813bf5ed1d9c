#include <algorithm>
#include <cctype>
#include <cstdio>

#include "cartelgraph/cli/command.hpp"
#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/cli/numeric_option.hpp"
#include "cartelgraph/cli/session.hpp"
#include "cartelgraph/loaders/load.hpp"
#include "cartelgraph/render/caption.hpp"
#include "cartelgraph/render/diagram.hpp"
#include "cartelgraph/render/output_file.hpp"

namespace cartelgraph::cli {

namespace {

struct RenderOptions {
  std::string focus;
  std::size_t depth = 1;
  std::vector<std::string> path;  // FROM TO
  std::vector<std::string> connect;
  std::string storyline;
  std::vector<std::string> kinds;
  std::string layout;
  bool cluster = false;
  bool no_legend = false;
  bool context = false;
  bool sides = false;
  std::size_t dpi = 150;
  std::string link_base = "dossier.html";
  std::string output;
  std::string image_format;  // svg, png, pdf or dot: needed with -o -
};

const CommandHelp help = {"render", "Draw a network diagram (.dot, .svg, .png or .pdf) with Graphviz",
                          "cartelgraph render --focus \"El Mencho\" --depth 1 -o mencho.svg"};

DiagramSpec path_diagram(const Session& session, const std::string& from_text, const std::string& to_text) {
  const Vertex from = session.resolve(from_text);
  const Vertex to = session.resolve(to_text);
  auto found = path_view(session.view(), session.projection(), from, to);
  if (!found)
    throw Error(ErrorCategory::no_result, "no path from " + session.graph().entity(from).id + " to " +
                                              session.graph().entity(to).id + " in this view");
  return std::move(*found);
}

DiagramSpec connect_diagram(const Session& session, const std::vector<std::string>& texts) {
  std::vector<Vertex> terminals;
  for (const std::string& text : texts) terminals.push_back(session.resolve(text));
  return connect_view(session.network(), connecting_network(session.network(), terminals));
}

DiagramSpec storyline_diagram(const Session& session, const std::string& storyline, bool context) {
  const auto& storylines = session.graph().storylines();
  if (std::ranges::none_of(storylines, [&](const Storyline& s) { return s.id == storyline; })) {
    std::string known;
    for (const auto& s : storylines) known += (known.empty() ? "" : ", ") + s.id;
    throw Error(ErrorCategory::usage, "unknown storyline '" + storyline + "' (known: " + known + ")");
  }
  return storyline_view(session.view(), storyline, context);
}

// What to draw: the options choose at most one of a focus, a path and a storyline.
DiagramSpec diagram(const Session& session, const RenderOptions& options) {
  if (!options.focus.empty())
    return focus_view(session.view(), session.resolve(options.focus), options.depth, options.context);
  if (!options.path.empty()) return path_diagram(session, options.path[0], options.path[1]);
  if (!options.connect.empty()) return connect_diagram(session, options.connect);
  if (!options.storyline.empty()) return storyline_diagram(session, options.storyline, options.context);
  return whole_view(session.view());
}

// The caption's view line: what part of the data the picture shows and through which filters.
std::string view_note(const Session& session, const RenderOptions& options) {
  std::vector<std::string> parts;
  if (!options.focus.empty())
    parts.emplace_back(options.context
                           ? "every tie around the focus"
                           : "the criminal network around the focus, with its own state actions and events");
  else if (!options.storyline.empty())
    parts.emplace_back(options.context ? "the storyline's facts" : "the storyline's facts without territory");
  else if (!options.path.empty()) parts.emplace_back("the shortest path (bold) among its neighbours");
  else if (!options.connect.empty()) parts.emplace_back("the connecting network (bold) in " + network_summary(session));
  const GlobalOptions& global = session.options();
  parts.emplace_back(session.as_of() ? "as of " + global.as_of : "every date (ended ties faded)");
  if (!global.min_confidence.empty()) parts.emplace_back(global.min_confidence + " or surer");
  if (global.dated_only) parts.emplace_back("dated ties only");
  if (!global.types.empty()) {
    std::string types = "types: ";
    for (std::size_t i = 0; i < global.types.size(); ++i) types += (i ? ", " : "") + global.types[i];
    parts.push_back(types);
  }
  if (!options.kinds.empty()) {
    std::string kinds = "kinds: ";
    for (std::size_t i = 0; i < options.kinds.size(); ++i) kinds += (i ? ", " : "") + options.kinds[i];
    parts.push_back(kinds);
  }
  if (options.sides) parts.emplace_back("sides of the conflict from the signed network of groups");
  std::string note;
  for (const auto& part : parts) note += (note.empty() ? "" : " · ") + part;
  note[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(note[0])));
  return note;
}

Caption caption(const Session& session, const RenderOptions& options) {
  std::string data;
  for (const std::string& name : session.options().data)
    data += (data.empty() ? "" : ", ") +
            (name == builtin_data_name ? builtin_data_note(session.graph()) : "the facts in " + name);
  return {view_note(session, options), data.empty() ? builtin_data_note(session.graph()) : data, drawing_date()};
}

// The diagram's format: --image-format, which `-o -` needs, else the file's extension (with which
// --image-format, if given too, must agree). Throws Error (usage).
DiagramFormat output_format(const RenderOptions& options) {
  const std::string& named = options.image_format;
  const bool to_stdout = options.output == "-";
  if (to_stdout && named.empty())
    throw Error(ErrorCategory::usage, "-o - writes to standard output: say the format with --image-format");
  if (!to_stdout && !named.empty() && !options.output.ends_with("." + named))
    throw Error(ErrorCategory::usage, "--image-format " + named + " does not match -o " + options.output);
  const auto format = format_for_path(to_stdout ? "diagram." + named : options.output);
  if (!format)
    throw Error(ErrorCategory::usage, "-o " + options.output + ": the file must end in .dot, .svg, .png or .pdf");
  return *format;
}

int run_render(const Session& session, const RenderOptions& options) {
  const DiagramFormat format = output_format(options);
  if (!options.focus.empty() + !options.path.empty() + !options.connect.empty() + !options.storyline.empty() > 1)
    throw Error(ErrorCategory::usage, "choose one of --focus, --path, --connect and --storyline");
  DiagramSpec spec = diagram(session, options);
  spec.cluster = options.cluster;
  spec.legend = !options.no_legend;
  spec.dpi = static_cast<double>(options.dpi);
  spec.link_base = options.link_base;
  spec.notes = caption(session, options);
  if (options.sides && assign_sides(spec, session.view()) == 0)
    std::fprintf(stderr, "no conflict among the groups drawn: --sides has nothing to colour\n");
  const std::string layout = options.layout.empty() ? default_layout(spec) : options.layout;
  if (!write_output(options.output, render_diagram(session.graph(), spec, format, layout))) return exit_ok;
  std::fprintf(stderr, "wrote %s: %zu entities, %zu relations (layout %s)\n", visible(options.output).c_str(),
               spec.entities.size(), spec.relations.size(), layout.c_str());
  return exit_ok;
}

// The options of `render`, declared when it is parsed (cli/command.hpp).
void declare_render_options(CLI::App* command, RenderOptions* options) {
  command->add_option("--focus", options->focus, "Draw the ego network of this entity")->type_name("ENTITY");
  add_count_option(*command, "--depth", options->depth, "Hops around --focus (default 1)", hop_range);
  command->add_option("--path", options->path, "Highlight the shortest path between two entities")
      ->expected(2)
      ->type_name("FROM TO");
  command
      ->add_option("--connect", options->connect,
                   "Draw the smallest network that ties these entities together (as the connect command)")
      ->expected(2, -1)
      ->type_name("ENTITY ...");
  command->add_option("--storyline", options->storyline, "Draw what one fact file states (e.g. sinaloa_war)")
      ->type_name("ID");
  command->add_option("--kinds", options->kinds, "Only relations of these kinds")->delimiter(',')->type_name("K,...");
  command
      ->add_option("--layout", options->layout,
                   "Graphviz layout: dot, neato, fdp, sfdp, circo, twopi; "
                   "none writes DOT without positions (default: dot, sfdp above 300 entities)")
      ->check(CLI::IsMember({"dot", "neato", "fdp", "sfdp", "circo", "twopi", "none"}))
      ->type_name("ENGINE");
  command->add_flag("--cluster", options->cluster, "Draw members inside their organization");
  command->add_flag("--no-legend", options->no_legend, "Leave out the legend");
  command->add_flag("--context", options->context,
                    "Also draw territory and others' state actions (a focus shows the criminal network and the "
                    "entity's own acts; a storyline its facts without territory)");
  command->add_flag("--sides", options->sides,
                    "Colour groups and people by the side of the conflict they are on, and draw the sides apart");
  add_count_option(*command, "--dpi", options->dpi, "PNG resolution in dots per inch (default 150)", {36, 1200});
  command
      ->add_option("--link-base", options->link_base,
                   "Where each node links: URL#entity-ID, the entity's card in a dossier written by report "
                   "(default dossier.html, beside the picture)")
      ->type_name("URL");
  command->add_option("-o,--output", options->output, "Output file, written whole or not at all; - for standard output")
      ->required()
      ->type_name("FILE");
  command->add_option("--image-format", options->image_format, "svg, png, pdf or dot: the format for -o -")
      ->check(CLI::IsMember({"svg", "png", "pdf", "dot"}))
      ->type_name("FORMAT");
}

}  // namespace

void setup_render(CLI::App& app, Context& context) {
  add_command(app, context, help, run_render, declare_render_options);
}

}  // namespace cartelgraph::cli
