# Package config of cartelgraph: find_package(cartelgraph 0.1 CONFIG) gives cartelgraph::cartelgraph.
include(CMakeFindDependencyMacro)
find_dependency(Boost 1.74 CONFIG)

# A static library brings its private dependencies along to the link: define the targets it
# names (the same ones cmake/dependencies.cmake defines in the source tree).
find_dependency(PkgConfig)
if(NOT TARGET PkgConfig::utf8proc)
  pkg_check_modules(utf8proc REQUIRED QUIET IMPORTED_TARGET libutf8proc)
endif()
find_dependency(EXPAT)
find_dependency(simdjson CONFIG)
if(NOT TARGET RapidJSON::RapidJSON)
  add_library(RapidJSON::RapidJSON INTERFACE IMPORTED)
endif()

include("${CMAKE_CURRENT_LIST_DIR}/cartelgraphTargets.cmake")
