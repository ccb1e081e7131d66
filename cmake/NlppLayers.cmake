# One object library per layer (core, wire, schema, netns, io, ...), each from
# the sources in src/<layer>/. They are linked into one library, nlpp, and,
# for the sanitizer test suites, into nlpp_sanitized (ASan+UBSan) and
# nlpp_tsan (ThreadSanitizer).

# -O1 and line tables (-g1), after the build type's flags so they win: what
# the sanitizers advise and all their reports need (file:line in each
# frame), in about 60% of the -O2 -g build's time.
set(NLPP_SANITIZER_FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all -O1 -g1)
set(NLPP_TSAN_FLAGS -fsanitize=thread -fno-omit-frame-pointer -O1 -g1)

# The flags of a variant ("", _sanitized, _tsan) into out.
function(nlpp_variant_flags variant out)
  if(variant STREQUAL "_sanitized")
    set(${out} ${NLPP_SANITIZER_FLAGS} PARENT_SCOPE)
  elseif(variant STREQUAL "_tsan")
    set(${out} ${NLPP_TSAN_FLAGS} PARENT_SCOPE)
  else()
    set(${out} "" PARENT_SCOPE)
  endif()
endfunction()

function(nlpp_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wnon-virtual-dtor -Wold-style-cast)
  if(NLPP_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# nlpp_layer(<name> [DEPENDS <layer>...]) defines nlpp_<name> and, when the
# sanitizer suites are built, nlpp_<name>_sanitized and nlpp_<name>_tsan.
function(nlpp_layer name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "" "DEPENDS")
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${name}/*.cpp)
  set(variants "")
  if(NLPP_BUILD_TESTS AND NLPP_SANITIZER_TESTS)
    list(APPEND variants _sanitized)
  endif()
  if(NLPP_BUILD_TESTS AND NLPP_TSAN_TESTS)
    list(APPEND variants _tsan)
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
    nlpp_variant_flags("${variant}" flags)
    if(flags)
      target_compile_options(${target} PUBLIC ${flags})
      target_link_options(${target} PUBLIC ${flags})
      # The sanitizers' instrumentation makes GCC 12 report std::variant
      # alternatives as maybe-uninitialized where they are not
      # (link/schema_data.cpp's SchemaValue); the plain build keeps the warning.
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
  nlpp_variant_flags("${variant}" flags)
  if(flags)
    target_link_options(${target} PUBLIC ${flags})
  endif()
endfunction()
