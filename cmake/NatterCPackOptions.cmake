# SPDX-License-Identifier: GPL-3.0-or-later
# Read by cpack once per generator (CPACK_PROJECT_CONFIG_FILE), for settings that differ between them.
if(CPACK_GENERATOR STREQUAL "DEB")
    # CPackDeb puts the project's summary in front of each component's description unless the summary is
    # CPack's default; each package's own first line is its Debian synopsis.
    set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CPACK_DEFAULT_PACKAGE_DESCRIPTION_SUMMARY}")
endif()
if(CPACK_GENERATOR STREQUAL "TGZ")
    # Archives drop files installed to absolute paths unless staged through DESTDIR; this keeps
    # etc/natter/natterd.conf in the server's archive, beside usr/, as in its .deb.
    set(CPACK_SET_DESTDIR ON)
    set(CPACK_INSTALL_PREFIX /usr)
    set(CPACK_PACKAGING_INSTALL_PREFIX /)
endif()
