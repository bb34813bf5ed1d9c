# Compiles seeds/*.json into the library. The generated source is rebuilt whenever a seed file
# changes; adding or removing a seed file re-runs the configure step (CONFIGURE_DEPENDS).
file(GLOB cartelgraph_SEED_FILES CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/seeds/*.json")
list(SORT cartelgraph_SEED_FILES)

set(cartelgraph_EMBEDDED_SEEDS "${PROJECT_BINARY_DIR}/generated/embedded_seeds.cpp")
add_custom_command(
  OUTPUT "${cartelgraph_EMBEDDED_SEEDS}"
  COMMAND "${CMAKE_COMMAND}" "-DOUTPUT=${cartelgraph_EMBEDDED_SEEDS}"
          "-DFILES=${cartelgraph_SEED_FILES}" -P "${PROJECT_SOURCE_DIR}/cmake/write-embedded-seeds.cmake"
  DEPENDS ${cartelgraph_SEED_FILES} "${PROJECT_SOURCE_DIR}/cmake/write-embedded-seeds.cmake"
  COMMENT "Embedding seeds/*.json"
  VERBATIM)
