# SPDX-License-Identifier: GPL-3.0-or-later
# Sanitizer builds, for every target: scripts/test-sanitize (NATTER_SANITIZE) and scripts/fuzz (NATTER_FUZZ).
# Errors are fatal (-fno-sanitize-recover=all), so a test or a fuzzer fails at the first report; LeakSanitizer
# comes with AddressSanitizer on Linux.
option(NATTER_SANITIZE "Build with AddressSanitizer (and LeakSanitizer) and UBSan, errors fatal" OFF)
option(NATTER_FUZZ "Build the libFuzzer targets of tests/fuzz (clang; implies NATTER_SANITIZE)" OFF)

if(NATTER_FUZZ AND NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "NATTER_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
endif()
if(NATTER_FUZZ AND NOT (NATTER_BUILD_SERVER AND NATTER_BUILD_TESTS))
    message(FATAL_ERROR "NATTER_FUZZ needs NATTER_BUILD_SERVER and NATTER_BUILD_TESTS")
endif()
if(NATTER_SANITIZE OR NATTER_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
        message(FATAL_ERROR "NATTER_SANITIZE needs GCC or clang")
    endif()
    add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
    if(NATTER_FUZZ)
        # Coverage for libFuzzer in every library the fuzz targets link; the targets add -fsanitize=fuzzer,
        # which brings libFuzzer's main().
        add_compile_options(-fsanitize=fuzzer-no-link)
    endif()
endif()
