# Every dependency is a Debian 12 package; scripts/install-deps installs them.
find_package(Boost 1.74 REQUIRED CONFIG COMPONENTS graph)
find_package(RapidJSON REQUIRED CONFIG)
find_package(PkgConfig REQUIRED)
pkg_check_modules(utf8proc REQUIRED IMPORTED_TARGET libutf8proc)
pkg_check_modules(graphviz REQUIRED IMPORTED_TARGET libgvc libcgraph)
find_package(CLI11 REQUIRED CONFIG)
find_package(EXPAT REQUIRED)

# RapidJSON's Debian config exports only variables: wrap them in a target whose headers are
# SYSTEM, so our -Werror does not apply to them.
if(NOT TARGET RapidJSON::RapidJSON)
  add_library(RapidJSON::RapidJSON INTERFACE IMPORTED)
  set_target_properties(RapidJSON::RapidJSON PROPERTIES
                        INTERFACE_INCLUDE_DIRECTORIES "${RAPIDJSON_INCLUDE_DIRS}")
endif()
