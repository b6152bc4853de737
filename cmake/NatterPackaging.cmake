# SPDX-License-Identifier: GPL-3.0-or-later
# Installers per component: `server` (natterd, no GUI libraries) and `client` (natter, the desktop client).
# Settings common to every OS are in NatterCPackCommon; each OS's packages and install layout are in their
# own file: Linux .deb and .tar.gz, Windows NSIS installer and .zip, macOS .dmg.
set(NATTER_SOURCE_DIR ${PROJECT_SOURCE_DIR})
# Drawn by client/icons at build time.
set(NATTER_ICON_DIR ${CMAKE_BINARY_DIR}/client/icons)
include(NatterCPackCommon)

if(WIN32)
    include(NatterPackagingWindows)
elseif(APPLE)
    include(NatterPackagingMacOS)
else()
    include(NatterPackagingLinux)
endif()

include(CPack)
