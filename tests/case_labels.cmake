# Included by ctest after it has listed the doctest cases (TEST_INCLUDE_FILES, tests/CMakeLists.txt):
# the cases that need more than their program's label (unit or cli) get the full set here.
# Times measured with `ctest --preset dev -j2` on 2 cores.

# relabel(LIST LABELS NAME...): sets LABELS on each case NAME of the discovered LIST.
function(relabel list labels)
  foreach(name IN LISTS ARGN)
    list(FIND ${list} "${name}" found)  # ctest reads this file without policies: no IN_LIST
    if(found EQUAL -1)
      if(${list})  # listed, i.e. the program is built, but the case has gone: rename it here
        message(WARNING "tests/case_labels.cmake: no test case named '${name}'")
      endif()
    else()
      set_tests_properties("${name}" PROPERTIES LABELS "${labels}")
    endif()
  endforeach()
endfunction()

# 3-15 s each: the program renders and reports the built-in data several times over.
relabel(cartelgraph_cli_tests_TESTS "cli;slow"
        "a directory that cannot be written to, or does not exist, is an error and leaves nothing"
        "a failed render, report or export leaves the previous file byte for byte and no temporary file")

# Runs Graphviz's `dot` program on what we write.
relabel(cartelgraph_tests_TESTS "unit;external"
        "Graphviz's dot accepts the DOT we write, with or without positions")

# Runs NetworkX, igraph and leidenalg (tests/peer/communities_peer.py) on the built-in networks.
relabel(cartelgraph_tests_TESTS "unit;external"
        "the built-in network's communities reach NetworkX's modularity and the best of igraph and leidenalg")

# Runs NetworkX (tests/peer/key_players.py) on the sets key players finds.
relabel(cartelgraph_tests_TESTS "unit;external"
        "F and DF of a set equal NetworkX's components and shortest path lengths with the set removed")
