#pragma once
// Graphviz (gvc and cgraph), opened with dlopen the first time a diagram is drawn, so that the
// commands that draw nothing map none of its libraries at start-up.

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

namespace cartelgraph {

/// The Graphviz functions the diagrams use, typed by Graphviz's own headers (the library opened
/// is the one whose soname the build found: the same ABI as linking it). aghead and agtail are
/// macros reading the edge, and GD_bb, ED_spl and the like read Graphviz's records: no function.
struct GraphvizLibrary {
  decltype(&::gvContext) gvContext;
  decltype(&::gvFreeContext) gvFreeContext;
  decltype(&::gvLayout) gvLayout;
  decltype(&::gvFreeLayout) gvFreeLayout;
  decltype(&::gvRenderData) gvRenderData;
  decltype(&::gvFreeRenderData) gvFreeRenderData;
  decltype(&::agseterr) agseterr;
  decltype(&::agopen) agopen;
  decltype(&::agclose) agclose;
  decltype(&::agwrite) agwrite;
  decltype(&::agattr) agattr;
  decltype(&::agsafeset) agsafeset;
  decltype(&::agstrdup_html) agstrdup_html;
  decltype(&::agsubg) agsubg;
  decltype(&::agfstsubg) agfstsubg;
  decltype(&::agnode) agnode;
  decltype(&::agfstnode) agfstnode;
  decltype(&::agnxtnode) agnxtnode;
  decltype(&::agedge) agedge;
  decltype(&::agfstedge) agfstedge;
  decltype(&::agfstout) agfstout;
  decltype(&::agnxtout) agnxtout;
  decltype(&::agdegree) agdegree;
  Agdesc_t* Agdirected;  // cgraph's descriptor of a directed graph (a variable)
};

/// Graphviz, loaded on the first call (later calls return the same functions; loading is
/// thread-safe, Graphviz itself is not). Throws RenderError naming the library and dlerror's
/// reason when it cannot be opened or lacks one of the functions.
[[nodiscard]] const GraphvizLibrary& graphviz_library();

}  // namespace cartelgraph
