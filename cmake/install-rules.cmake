# Install rules: the public headers under include/cartelgraph/, the library with a CMake package
# and a pkg-config file, the CLI, and the built-in data.
include(CMakePackageConfigHelpers)

set(package cartelgraph)
set(cartelgraph_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/${package}"
    CACHE STRING "Where the CMake package config is installed")

install(TARGETS cartelgraph_cartelgraph EXPORT cartelgraphTargets
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT cartelgraph_Development
        LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT cartelgraph_Runtime
        # the public header set (CMakeLists.txt), as include/cartelgraph/graph/…
        FILE_SET HEADERS DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" COMPONENT cartelgraph_Development
        # for consumers on CMake before 3.23, which ignore the exported header set
        INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(TARGETS cartelgraph_exe RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT cartelgraph_Runtime)
install(FILES "${PROJECT_BINARY_DIR}/completion/cartelgraph"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions" COMPONENT cartelgraph_Runtime)
if(HELP2MAN)
  install(FILES "${PROJECT_BINARY_DIR}/man/cartelgraph.1" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1"
          COMPONENT cartelgraph_Runtime)
endif()
install(DIRECTORY "${PROJECT_SOURCE_DIR}/seeds/" DESTINATION "${CMAKE_INSTALL_DATADIR}/${package}/seeds"
        COMPONENT cartelgraph_Runtime)

install(EXPORT cartelgraphTargets NAMESPACE cartelgraph:: DESTINATION "${cartelgraph_INSTALL_CMAKEDIR}"
        COMPONENT cartelgraph_Development)
# 0.x: a minor version may break the interface.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/${package}ConfigVersion.cmake"
                                 COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_SOURCE_DIR}/cmake/install-config.cmake" DESTINATION "${cartelgraph_INSTALL_CMAKEDIR}"
        RENAME "${package}Config.cmake" COMPONENT cartelgraph_Development)
install(FILES "${PROJECT_BINARY_DIR}/${package}ConfigVersion.cmake" DESTINATION "${cartelgraph_INSTALL_CMAKEDIR}"
        COMPONENT cartelgraph_Development)

get_target_property(cartelgraph_LIBRARY_TYPE cartelgraph_cartelgraph TYPE)
file(RELATIVE_PATH cartelgraph_PC_TO_PREFIX "${CMAKE_INSTALL_FULL_LIBDIR}/pkgconfig" "${CMAKE_INSTALL_PREFIX}")
string(REGEX REPLACE "/$" "" cartelgraph_PC_TO_PREFIX "${cartelgraph_PC_TO_PREFIX}")
set(cartelgraph_PC_LIBS_PRIVATE "")
if(CMAKE_DL_LIBS)
  set(cartelgraph_PC_LIBS_PRIVATE "-l${CMAKE_DL_LIBS}")
endif()
configure_file("${PROJECT_SOURCE_DIR}/cmake/cartelgraph.pc.in" "${PROJECT_BINARY_DIR}/${package}.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/${package}.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig"
        COMPONENT cartelgraph_Development)
