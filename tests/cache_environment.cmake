# Included by ctest after it has listed the doctest cases (TEST_INCLUDE_FILES, tests/CMakeLists.txt):
# every case runs with XDG_CACHE_HOME in the build tree, so that no test writes into the user's
# cache (loaders/load_cache.hpp).
foreach(name IN LISTS cartelgraph_tests_TESTS cartelgraph_cli_tests_TESTS)
  set_tests_properties("${name}" PROPERTIES ENVIRONMENT "XDG_CACHE_HOME=${cartelgraph_TEST_CACHE_HOME}")
endforeach()
