# Every dependency is a Debian 12 package; scripts/install-deps installs them.
find_package(Boost 1.74 REQUIRED CONFIG COMPONENTS graph)
find_package(RapidJSON REQUIRED CONFIG)
# simdjson's On-Demand parser reads fact files on the fast path (loaders/fact_scan.cpp).
find_package(simdjson REQUIRED CONFIG)
find_package(PkgConfig REQUIRED)
pkg_check_modules(utf8proc REQUIRED IMPORTED_TARGET libutf8proc)
pkg_check_modules(graphviz REQUIRED IMPORTED_TARGET libgvc libcgraph)
# Graphviz is opened with dlopen when a diagram is drawn (render/graphviz_library.cpp; see the
# library's link in CMakeLists.txt): by the soname of the libgvc found here, read from its ELF
# header, so that the library opened at run time has the ABI of the headers compiled against.
set(cartelgraph_GVC_SONAME "" CACHE STRING "The soname the program dlopens for Graphviz's libgvc (empty: read)")
set(cartelgraph_gvc_soname "${cartelgraph_GVC_SONAME}")
if(NOT cartelgraph_gvc_soname)
  set(gvc_library ${graphviz_LINK_LIBRARIES})
  list(FILTER gvc_library INCLUDE REGEX "/libgvc\\.so$")
  if(gvc_library AND CMAKE_OBJDUMP)
    execute_process(COMMAND "${CMAKE_OBJDUMP}" -p "${gvc_library}" OUTPUT_VARIABLE gvc_headers ERROR_QUIET)
    if(gvc_headers MATCHES "SONAME +([^ \n]+)")
      set(cartelgraph_gvc_soname "${CMAKE_MATCH_1}")
    endif()
  endif()
  if(NOT cartelgraph_gvc_soname)
    message(FATAL_ERROR "cannot read the soname of Graphviz's libgvc (${gvc_library}): set cartelgraph_GVC_SONAME")
  endif()
endif()
message(STATUS "Graphviz is loaded on demand as ${cartelgraph_gvc_soname}")
find_package(CLI11 REQUIRED CONFIG)
find_package(EXPAT REQUIRED)

# RapidJSON's Debian config exports only variables: wrap them in a target whose headers are
# SYSTEM, so our -Werror does not apply to them.
if(NOT TARGET RapidJSON::RapidJSON)
  add_library(RapidJSON::RapidJSON INTERFACE IMPORTED)
  set_target_properties(RapidJSON::RapidJSON PROPERTIES
                        INTERFACE_INCLUDE_DIRECTORIES "${RAPIDJSON_INCLUDE_DIRS}")
endif()

# xxHash (Debian libxxhash-dev): XXH3-64, the compiled store's checksums. Used header-only
# (XXH_INLINE_ALL), so neither the library nor its consumers link libxxhash.
find_path(cartelgraph_XXHASH_INCLUDE_DIR xxhash.h REQUIRED)
if(NOT TARGET xxHash::xxhash)
  add_library(xxHash::xxhash INTERFACE IMPORTED)
  set_target_properties(xxHash::xxhash PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${cartelgraph_XXHASH_INCLUDE_DIR}"
                                                  INTERFACE_COMPILE_DEFINITIONS XXH_INLINE_ALL)
endif()
