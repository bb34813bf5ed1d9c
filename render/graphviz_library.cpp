#include "cartelgraph/render/graphviz_library.hpp"

#include <dlfcn.h>

#include <string>

#include "cartelgraph/render/diagram.hpp"

#ifndef CARTELGRAPH_GVC_SONAME
#error "CARTELGRAPH_GVC_SONAME: the soname of Graphviz's libgvc, set by cmake/dependencies.cmake"
#endif

namespace cartelgraph {

namespace {

// A symbol of `library`, cast to the type of `target`; throws when it is missing.
template <typename T>
void find(void* library, const char* name, T& target) {
  void* const symbol = dlsym(library, name);
  if (!symbol) throw RenderError(std::string("Graphviz's ") + CARTELGRAPH_GVC_SONAME + " has no " + name);
  target = reinterpret_cast<T>(symbol);
}

// Opens libgvc (which brings libcgraph, libcdt and the rest as its own dependencies, where dlsym
// finds cgraph's functions too) and reads every function. The library stays loaded until exit.
GraphvizLibrary open_graphviz() {
  void* const library = dlopen(CARTELGRAPH_GVC_SONAME, RTLD_NOW | RTLD_GLOBAL);
  if (!library) {
    const char* reason = dlerror();
    throw RenderError(std::string("cannot load Graphviz (") + (reason ? reason : CARTELGRAPH_GVC_SONAME) +
                      "): install it (Debian: libgvc6) to draw");
  }
  GraphvizLibrary gv{};
  find(library, "gvContext", gv.gvContext);
  find(library, "gvFreeContext", gv.gvFreeContext);
  find(library, "gvLayout", gv.gvLayout);
  find(library, "gvFreeLayout", gv.gvFreeLayout);
  find(library, "gvRenderData", gv.gvRenderData);
  find(library, "gvFreeRenderData", gv.gvFreeRenderData);
  find(library, "agseterr", gv.agseterr);
  find(library, "agopen", gv.agopen);
  find(library, "agclose", gv.agclose);
  find(library, "agwrite", gv.agwrite);
  find(library, "agattr", gv.agattr);
  find(library, "agsafeset", gv.agsafeset);
  find(library, "agstrdup_html", gv.agstrdup_html);
  find(library, "agsubg", gv.agsubg);
  find(library, "agfstsubg", gv.agfstsubg);
  find(library, "agnode", gv.agnode);
  find(library, "agfstnode", gv.agfstnode);
  find(library, "agnxtnode", gv.agnxtnode);
  find(library, "agedge", gv.agedge);
  find(library, "agfstedge", gv.agfstedge);
  find(library, "agfstout", gv.agfstout);
  find(library, "agnxtout", gv.agnxtout);
  find(library, "agdegree", gv.agdegree);
  find(library, "Agdirected", gv.Agdirected);
  return gv;
}

}  // namespace

const GraphvizLibrary& graphviz_library() {
  static const GraphvizLibrary library = open_graphviz();
  return library;
}

}  // namespace cartelgraph
