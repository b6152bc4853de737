# SPDX-License-Identifier: GPL-3.0-or-later
# The hardening Debian builds its packages with (dpkg-buildflags with hardening=+all), for every target on
# Linux with GCC or Clang: natterd faces the network. _FORTIFY_SOURCE needs optimization, so not in Debug.
# Not in sanitizer builds: the fortified __memcpy_chk and friends are not intercepted by AddressSanitizer,
# which would then miss the overflows it is there to find.
option(NATTER_HARDENING "Build with stack protection, _FORTIFY_SOURCE and full RELRO (Linux)" ON)
if(NATTER_HARDENING AND NOT NATTER_SANITIZE AND NOT NATTER_FUZZ AND CMAKE_SYSTEM_NAME STREQUAL "Linux"
        AND CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    add_compile_options(-fstack-protector-strong -fstack-clash-protection
        "$<$<NOT:$<CONFIG:Debug>>:-D_FORTIFY_SOURCE=2>")
    add_link_options(LINKER:-z,relro LINKER:-z,now)
endif()
