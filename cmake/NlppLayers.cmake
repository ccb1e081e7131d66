# One object library per layer (core, wire, schema, netns, io, ...), each from
# the sources in src/<layer>/. They are linked into one library, nlpp, and,
# for the sanitizer test suites, into nlpp_sanitized.

set(NLPP_SANITIZER_FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)

function(nlpp_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wnon-virtual-dtor -Wold-style-cast)
  if(NLPP_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# nlpp_layer(<name> [DEPENDS <layer>...]) defines nlpp_<name> and, when the
# sanitizer suites are built, nlpp_<name>_sanitized.
function(nlpp_layer name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "" "DEPENDS")
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${name}/*.cpp)
  set(variants "")
  if(NLPP_BUILD_TESTS AND NLPP_SANITIZER_TESTS)
    set(variants _sanitized)
  endif()
  foreach(variant IN ITEMS "" ${variants})
    set(target nlpp_${name}${variant})
    add_library(${target} OBJECT ${sources})
    target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/src)
    target_include_directories(${target} PUBLIC
      $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
      $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
    set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
    nlpp_warnings(${target})
    foreach(dependency IN LISTS ARG_DEPENDS)
      target_link_libraries(${target} PUBLIC nlpp_${dependency}${variant})
    endforeach()
    if(variant STREQUAL "_sanitized")
      target_compile_options(${target} PUBLIC ${NLPP_SANITIZER_FLAGS})
      target_link_options(${target} PUBLIC ${NLPP_SANITIZER_FLAGS})
      # ASan's instrumentation makes GCC 12 report std::variant alternatives
      # as maybe-uninitialized where they are not (link/schema_data.cpp's
      # SchemaValue); the uninstrumented build keeps the warning.
      if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        target_compile_options(${target} PUBLIC -Wno-maybe-uninitialized)
      endif()
    endif()
  endforeach()
  set_property(GLOBAL APPEND PROPERTY NLPP_LAYERS ${name})
endfunction()

# nlpp_library(<target> <variant>) links every layer's objects into one library.
function(nlpp_library target variant)
  get_property(layers GLOBAL PROPERTY NLPP_LAYERS)
  add_library(${target})
  foreach(layer IN LISTS layers)
    target_sources(${target} PRIVATE $<TARGET_OBJECTS:nlpp_${layer}${variant}>)
  endforeach()
  target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/src)
    target_include_directories(${target} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  target_compile_features(${target} PUBLIC cxx_std_20)
  if(variant STREQUAL "_sanitized")
    target_link_options(${target} PUBLIC ${NLPP_SANITIZER_FLAGS})
  endif()
endfunction()
