# `cmake --install BUILD [--prefix P]`: the findc CLI (findc, and next to
# it findc-compiler, which findc runs for every command but those on an
# artifact, and findc-run), the public headers,
# libfindc.so with a CMake package (find_package(findc) gives findc::findc)
# and the Python module (import findc). tests/install checks all of it.
include(CMakePackageConfigHelpers)

install(TARGETS findc findc-compiler findc-run RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS findc_shared EXPORT findcTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/findc DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(findc_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/findc)
install(EXPORT findcTargets NAMESPACE findc:: DESTINATION ${findc_cmake_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/findcConfig.cmake.in
  ${PROJECT_BINARY_DIR}/findcConfig.cmake INSTALL_DESTINATION ${findc_cmake_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/findcConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/findcConfig.cmake ${PROJECT_BINARY_DIR}/findcConfigVersion.cmake
  DESTINATION ${findc_cmake_dir})
