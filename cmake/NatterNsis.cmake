# SPDX-License-Identifier: GPL-3.0-or-later
# The Windows installer (`cpack -G NSIS`): natter-<version>-win64.exe with a Start menu entry for the client,
# an uninstaller (also in "Apps & features"), the licence page, and natterd as an optional component,
# unticked by default. Needs NATTER_ICON_DIR. Checked on Linux with Debian's makensis by scripts/check-nsis.
set(CPACK_GENERATOR "NSIS;ZIP")
set(CPACK_ARCHIVE_COMPONENT_INSTALL ON)
set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Natter")
set(CPACK_NSIS_PACKAGE_NAME "Natter")
set(CPACK_NSIS_DISPLAY_NAME "Natter ${PROJECT_VERSION}")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_MUI_ICON "${NATTER_ICON_DIR}/natter.ico")
set(CPACK_NSIS_MUI_UNIICON "${NATTER_ICON_DIR}/natter.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\natter.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
# Start menu shortcut: bin\natter.exe, shown as "Natter"; offered on the last page too.
set(CPACK_PACKAGE_EXECUTABLES natter "Natter")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
set(CPACK_NSIS_MUI_FINISHPAGE_RUN natter.exe)
set(CPACK_COMPONENT_SERVER_DISABLED ON)

