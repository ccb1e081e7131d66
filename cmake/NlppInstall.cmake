# cmake --install: headers, the library, a CMake package (find_package(nlpp)
# gives nlpp::nlpp) and a pkg-config file.
include(CMakePackageConfigHelpers)

install(TARGETS nlpp EXPORT nlppTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/nlpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(NLPP_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/nlpp)
install(EXPORT nlppTargets NAMESPACE nlpp:: DESTINATION ${NLPP_CMAKE_DIR})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/nlppConfig.cmake.in
  ${PROJECT_BINARY_DIR}/nlppConfig.cmake INSTALL_DESTINATION ${NLPP_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/nlppConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/nlppConfig.cmake ${PROJECT_BINARY_DIR}/nlppConfigVersion.cmake
  DESTINATION ${NLPP_CMAKE_DIR})

# The .pc file finds the prefix relative to itself, so an install moved or
# made with `cmake --install --prefix` still works.
file(RELATIVE_PATH NLPP_PC_TO_PREFIX /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
configure_file(${PROJECT_SOURCE_DIR}/cmake/nlpp.pc.in ${PROJECT_BINARY_DIR}/nlpp.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/nlpp.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
