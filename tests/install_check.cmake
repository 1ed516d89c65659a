# Installs the build into a scratch prefix and checks that everything landed.
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
foreach(f bin/sessionreplayd bin/sessionreplayctl etc/sessionreplay/sessionreplay.toml
          share/sessionreplay/bsp/generic-pc.toml)
  if(NOT EXISTS "${PREFIX}/${f}")
    message(FATAL_ERROR "missing after install: ${f}")
  endif()
endforeach()
execute_process(COMMAND "${PREFIX}/bin/sessionreplayctl" --help RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "installed sessionreplayctl --help failed")
endif()
execute_process(COMMAND "${PREFIX}/bin/sessionreplayd" --check-config
                        "${PREFIX}/etc/sessionreplay/sessionreplay.toml"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out STREQUAL "ok\n")
  message(FATAL_ERROR "installed config does not check: ${out}")
endif()
message(STATUS "install check: programs, config and profiles in ${PREFIX}")
