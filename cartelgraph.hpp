#pragma once
// cartelgraph: a sourced knowledge graph of criminal organizations, factions, people and
// alliances. This umbrella header brings in the whole public library:
//
//   #include <cartelgraph/cartelgraph.hpp>
//   auto graph = cartelgraph::load_builtin_graph();
//   cartelgraph::GraphView view(graph);
//   auto scores = cartelgraph::centrality(cartelgraph::Projection::build(view),
//                                         cartelgraph::CentralityMeasure::betweenness);

// graph/: the model
#include "cartelgraph/graph/date.hpp"
#include "cartelgraph/graph/entity.hpp"
#include "cartelgraph/graph/enum_names.hpp"
#include "cartelgraph/graph/knowledge_graph.hpp"
#include "cartelgraph/graph/normalize.hpp"
#include "cartelgraph/graph/projection.hpp"
#include "cartelgraph/graph/redaction.hpp"
#include "cartelgraph/graph/relation.hpp"
#include "cartelgraph/graph/relation_kinds.hpp"
#include "cartelgraph/graph/view.hpp"

// loaders/: facts in
#include "cartelgraph/loaders/builtin_data.hpp"
#include "cartelgraph/loaders/compiled_store.hpp"
#include "cartelgraph/loaders/fact_directory.hpp"
#include "cartelgraph/loaders/fact_fields.hpp"
#include "cartelgraph/loaders/fact_loader.hpp"
#include "cartelgraph/loaders/graphml_loader.hpp"
#include "cartelgraph/loaders/load.hpp"
#include "cartelgraph/loaders/load_cache.hpp"
#include "cartelgraph/loaders/merge.hpp"
#include "cartelgraph/loaders/problem.hpp"

// queries/: answers as structs
#include "cartelgraph/queries/centrality.hpp"
#include "cartelgraph/queries/changes.hpp"
#include "cartelgraph/queries/communities.hpp"
#include "cartelgraph/queries/connecting.hpp"
#include "cartelgraph/queries/disruption.hpp"
#include "cartelgraph/queries/key_players.hpp"
#include "cartelgraph/queries/distances.hpp"
#include "cartelgraph/queries/entity_card.hpp"
#include "cartelgraph/queries/factions.hpp"
#include "cartelgraph/queries/link_prediction.hpp"
#include "cartelgraph/queries/neighborhood.hpp"
#include "cartelgraph/queries/network.hpp"
#include "cartelgraph/queries/node_results.hpp"
#include "cartelgraph/queries/paths.hpp"
#include "cartelgraph/queries/temporal_paths.hpp"
#include "cartelgraph/queries/tie_strength.hpp"
#include "cartelgraph/queries/resolve.hpp"
#include "cartelgraph/queries/structure.hpp"
#include "cartelgraph/queries/summary.hpp"
#include "cartelgraph/queries/timeline.hpp"

// exporters/: other tools' formats out
#include "cartelgraph/exporters/compiled_store.hpp"
#include "cartelgraph/exporters/exports.hpp"
#include "cartelgraph/exporters/json_writer.hpp"

// render/: pictures and files out
#include "cartelgraph/render/diagram.hpp"
#include "cartelgraph/render/dossier.hpp"
#include "cartelgraph/render/escape.hpp"
#include "cartelgraph/render/kind_style.hpp"
#include "cartelgraph/render/labels.hpp"
#include "cartelgraph/render/output_file.hpp"
