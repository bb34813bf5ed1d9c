#include <algorithm>
#include <cstdio>

#include "cartelgraph/cli/commands/commands.hpp"
#include "cartelgraph/render/diagram.hpp"
#include "cartelgraph/render/output_file.hpp"

namespace cartelgraph::cli {

namespace {

struct RenderOptions {
  std::string focus;
  std::size_t depth = 1;
  std::vector<std::string> path;  // FROM TO
  std::string storyline;
  std::vector<std::string> kinds;
  std::string layout;
  bool cluster = false;
  bool no_legend = false;
  std::string output;
};

int run_render(const Context& context, const RenderOptions& options) {
  const auto format = format_for_path(options.output);
  if (!format) throw CliError(exit_usage, "-o " + options.output + ": the file must end in .dot, .svg, .png or .pdf");
  if (!options.focus.empty() + !options.path.empty() + !options.storyline.empty() > 1)
    throw CliError(exit_usage, "choose one of --focus, --path and --storyline");
  const KnowledgeGraph graph = load_graph(context.options);
  const GraphView view(graph, make_filter(context.options, options.kinds));

  DiagramSpec spec;
  if (!options.focus.empty()) {
    spec = focus_view(view, Projection::build(view), resolve_or_throw(graph, options.focus), options.depth);
  } else if (!options.path.empty()) {
    const Vertex from = resolve_or_throw(graph, options.path[0]);
    const Vertex to = resolve_or_throw(graph, options.path[1]);
    auto found = path_view(view, Projection::build(view), from, to);
    if (!found)
      throw CliError(exit_no_result, "no path from " + graph.entity(from).id + " to " + graph.entity(to).id +
                                         " in this view");
    spec = std::move(*found);
  } else if (!options.storyline.empty()) {
    const auto& storylines = graph.storylines();
    if (std::ranges::none_of(storylines, [&](const Storyline& s) { return s.id == options.storyline; })) {
      std::string known;
      for (const auto& s : storylines) known += (known.empty() ? "" : ", ") + s.id;
      throw CliError(exit_usage, "unknown storyline '" + options.storyline + "' (known: " + known + ")");
    }
    spec = storyline_view(view, options.storyline);
  } else {
    spec = whole_view(view);
  }
  spec.cluster = options.cluster;
  spec.legend = !options.no_legend;
  const std::string layout = options.layout.empty() ? default_layout(spec) : options.layout;
  write_file_atomically(options.output, render_diagram(graph, spec, *format, layout));
  std::fprintf(stderr, "wrote %s: %zu entities, %zu relations (layout %s)\n", options.output.c_str(),
               spec.entities.size(), spec.relations.size(), layout.c_str());
  return exit_ok;
}

}  // namespace

void setup_render(CLI::App& app, Context& context) {
  auto options = std::make_shared<RenderOptions>();
  auto* command = app.add_subcommand("render", "Draw a network diagram (.dot, .svg, .png or .pdf) with Graphviz");
  command->footer("Example: cartelgraph render --focus \"El Mencho\" --depth 1 -o mencho.svg");
  command->add_option("--focus", options->focus, "Draw the ego network of this entity")->type_name("ENTITY");
  command->add_option("--depth", options->depth, "Hops around --focus")->type_name("N");
  command->add_option("--path", options->path, "Highlight the shortest path between two entities")
      ->expected(2)
      ->type_name("FROM TO");
  command->add_option("--storyline", options->storyline, "Draw what one fact file states (e.g. sinaloa_war)")
      ->type_name("ID");
  command->add_option("--kinds", options->kinds, "Only relations of these kinds")->delimiter(',')->type_name("K,...");
  command->add_option("--layout", options->layout, "Graphviz layout: dot, neato, fdp, sfdp, circo, twopi; "
                                                   "none writes DOT without positions (default: dot, sfdp above 300 entities)")
      ->check(CLI::IsMember({"dot", "neato", "fdp", "sfdp", "circo", "twopi", "none"}))
      ->type_name("ENGINE");
  command->add_flag("--cluster", options->cluster, "Draw members inside their organization");
  command->add_flag("--no-legend", options->no_legend, "Leave out the legend");
  command->add_option("-o,--output", options->output, "Output file, written whole or not at all")
      ->required()
      ->type_name("FILE");
  command->callback([&context, options] { context.run = [&context, options] { return run_render(context, *options); }; });
}

}  // namespace cartelgraph::cli
