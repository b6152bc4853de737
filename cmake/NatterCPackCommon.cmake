# SPDX-License-Identifier: GPL-3.0-or-later
# CPack settings shared by every OS's installers. Needs NATTER_SOURCE_DIR, and NATTER_BUILD_SERVER and
# NATTER_BUILD_CLIENT for the components to package.
set(CPACK_PACKAGE_NAME natter)
set(CPACK_PACKAGE_VENDOR "Natter")
set(CPACK_PACKAGE_CONTACT "Natter maintainers <maintainers@natter.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_RESOURCE_FILE_LICENSE "${NATTER_SOURCE_DIR}/COPYING")
set(CPACK_COMPONENTS_ALL)
if(NATTER_BUILD_SERVER)
    list(APPEND CPACK_COMPONENTS_ALL server)
endif()
if(NATTER_BUILD_CLIENT)
    list(APPEND CPACK_COMPONENTS_ALL client)
endif()
set(CPACK_COMPONENT_SERVER_DISPLAY_NAME "natterd (server)")
set(CPACK_COMPONENT_SERVER_DESCRIPTION "The Natter chat server, for the machine your group connects to.")
set(CPACK_COMPONENT_CLIENT_DISPLAY_NAME "Natter (desktop client)")
set(CPACK_COMPONENT_CLIENT_DESCRIPTION "The Natter desktop chat client.")
set(CPACK_STRIP_FILES ON)
# Settings that differ per generator.
set(CPACK_PROJECT_CONFIG_FILE ${NATTER_SOURCE_DIR}/cmake/NatterCPackOptions.cmake)

