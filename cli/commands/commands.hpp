#pragma once
// One setup function per subcommand; each declares its options and sets Context::run.

#include <CLI/CLI.hpp>

#include "cartelgraph/cli/common_options.hpp"

namespace cartelgraph::cli {

void setup_info(CLI::App& app, Context& context);
void setup_list(CLI::App& app, Context& context);
void setup_show(CLI::App& app, Context& context);
void setup_validate(CLI::App& app, Context& context);
void setup_path(CLI::App& app, Context& context);
void setup_connect(CLI::App& app, Context& context);
void setup_neighbors(CLI::App& app, Context& context);
void setup_centrality(CLI::App& app, Context& context);
void setup_brokers(CLI::App& app, Context& context);
void setup_factions(CLI::App& app, Context& context);
void setup_disrupt(CLI::App& app, Context& context);
void setup_communities(CLI::App& app, Context& context);
void setup_timeline(CLI::App& app, Context& context);
void setup_diff(CLI::App& app, Context& context);
void setup_render(CLI::App& app, Context& context);
void setup_report(CLI::App& app, Context& context);
void setup_export(CLI::App& app, Context& context);
void setup_search(CLI::App& app, Context& context);
void setup_kinds(CLI::App& app, Context& context);
void setup_suggest(CLI::App& app, Context& context);
void setup_completion(CLI::App& app, Context& context);
void setup_compile(CLI::App& app, Context& context);

}  // namespace cartelgraph::cli
