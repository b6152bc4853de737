# SPDX-License-Identifier: GPL-3.0-or-later
# Linux: `cpack -G DEB` in a build configured with -DCMAKE_INSTALL_PREFIX=/usr makes natterd_*.deb and
# natter_*.deb; TGZ an archive of each. The files only a Linux system uses (systemd unit, /etc config, man
# pages, Debian's copyright and changelog) are installed from here.
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
# Each package's own Debian description; its first line is the synopsis.
set(CPACK_DEBIAN_SERVER_DESCRIPTION "Natter server for self-hosted real-time chat
natterd serves the Natter chat protocol over WebSocket: accounts, rooms
joined by access code, messages delivered live and stored in SQLite, and
presence. It runs as a hardened systemd service.")
set(CPACK_DEBIAN_CLIENT_DESCRIPTION "desktop client for Natter, self-hosted real-time chat
natter is the native Qt desktop client of Natter: rooms, real-time
messages, members with presence, notifications and automatic
reconnection.")
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_ARCHIVE_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_SERVER_PACKAGE_NAME natterd)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
# Plugins are loaded at run time, so dpkg-shlibdeps cannot see them.
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-sqlite")
set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "sqlite3")
# Maintainer scripts: enable and start the service on install, stop it on removal, delete its state on
# purge (what dh_installsystemd would write).
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA "${CMAKE_CURRENT_BINARY_DIR}/packaging/natterd/conffiles"
    "${PROJECT_SOURCE_DIR}/resources/debian/natterd/postinst" "${PROJECT_SOURCE_DIR}/resources/debian/natterd/prerm"
    "${PROJECT_SOURCE_DIR}/resources/debian/natterd/postrm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_CLIENT_PACKAGE_NAME natter)
set(CPACK_DEBIAN_CLIENT_PACKAGE_SECTION net)
set(CPACK_DEBIAN_CLIENT_PACKAGE_DEPENDS "libqt6svg6, qt6-qpa-plugins")
# Qt's own texts (Cancel, Close, the standard dialogs) in the user's language, next to Natter's.
set(CPACK_DEBIAN_CLIENT_PACKAGE_RECOMMENDS "qt6-translations-l10n")
if(NATTER_KEYCHAIN)
    # libqt6keychain1 comes through dpkg-shlibdeps, but it loads libsecret at run time, unseen: without it the
    # Secret Service is not used and the token falls back to the settings file.
    string(APPEND CPACK_DEBIAN_CLIENT_PACKAGE_DEPENDS ", libsecret-1-0")
endif()
file(WRITE "${CMAKE_CURRENT_BINARY_DIR}/packaging/natterd/conffiles" "/etc/natter/natterd.conf\n")

# Per package: the copyright file and a changelog, as Debian wants them (the changelog compressed).
foreach(package natterd natter)
    set(PACKAGE ${package})
    set(VERSION ${PROJECT_VERSION})
    configure_file(${PROJECT_SOURCE_DIR}/resources/debian/changelog.in
        ${CMAKE_CURRENT_BINARY_DIR}/packaging/${package}/changelog @ONLY)
endforeach()

# Manual pages, compressed as Debian wants them.
find_program(NATTER_GZIP gzip REQUIRED)
foreach(page natterd.8 natter.1)
    add_custom_command(OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/man/${page}.gz
        COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/man
        COMMAND ${NATTER_GZIP} -9nc ${PROJECT_SOURCE_DIR}/docs/man/${page} > ${CMAKE_CURRENT_BINARY_DIR}/man/${page}.gz
        DEPENDS ${PROJECT_SOURCE_DIR}/docs/man/${page}
        VERBATIM)
endforeach()
foreach(package natterd natter)
    add_custom_command(OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/packaging/${package}/changelog.gz
        COMMAND ${NATTER_GZIP} -9nc ${CMAKE_CURRENT_BINARY_DIR}/packaging/${package}/changelog
            > ${CMAKE_CURRENT_BINARY_DIR}/packaging/${package}/changelog.gz
        DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/packaging/${package}/changelog
        VERBATIM)
endforeach()
add_custom_target(natter_packaging_files ALL DEPENDS
    ${CMAKE_CURRENT_BINARY_DIR}/man/natterd.8.gz ${CMAKE_CURRENT_BINARY_DIR}/man/natter.1.gz
    ${CMAKE_CURRENT_BINARY_DIR}/packaging/natterd/changelog.gz ${CMAKE_CURRENT_BINARY_DIR}/packaging/natter/changelog.gz)

if(NATTER_BUILD_SERVER)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/systemd/natterd.service
        DESTINATION lib/systemd/system COMPONENT server)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/natterd.conf DESTINATION /etc/natter COMPONENT server)
    install(FILES ${CMAKE_CURRENT_BINARY_DIR}/man/natterd.8.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man8
        COMPONENT server)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/debian/copyright
        ${CMAKE_CURRENT_BINARY_DIR}/packaging/natterd/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/natterd COMPONENT server)
endif()
if(NATTER_BUILD_CLIENT)
    install(FILES ${CMAKE_CURRENT_BINARY_DIR}/man/natter.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
        COMPONENT client)
    install(FILES ${PROJECT_SOURCE_DIR}/resources/debian/copyright
        ${CMAKE_CURRENT_BINARY_DIR}/packaging/natter/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/natter COMPONENT client)
endif()

