# SPDX-License-Identifier: GPL-3.0-or-later
# Windows: `cpack -G NSIS` makes the installer described in NatterNsis; ZIP one archive per component.
# Qt's DLLs and plugins are put beside each program at install time by the scripts
# qt_generate_deploy_app_script writes (windeployqt), so this needs Qt 6.5 or newer.
include(NatterNsis)

if(NATTER_BUILD_SERVER)
    # The example configuration beside the program; natterd --config "C:\Program Files\Natter\natterd.conf".
    install(FILES ${PROJECT_SOURCE_DIR}/resources/natterd.conf DESTINATION . COMPONENT server)
    qt_generate_deploy_app_script(TARGET natterd OUTPUT_SCRIPT natterd_deploy_script NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT ${natterd_deploy_script} COMPONENT server)
    # windeployqt brings Qt, not OpenSSL: libcrypto's DLL comes from the OpenSSL that natterd was linked with.
    get_filename_component(natter_openssl_bin "${OPENSSL_INCLUDE_DIR}/../bin" ABSOLUTE)
    install(RUNTIME_DEPENDENCY_SET natterd_runtime
        PRE_INCLUDE_REGEXES "^libcrypto"
        PRE_EXCLUDE_REGEXES ".*"
        DIRECTORIES ${natter_openssl_bin}
        DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT server)
endif()
# The licence with whichever components are installed.
foreach(component IN LISTS CPACK_COMPONENTS_ALL)
    install(FILES ${PROJECT_SOURCE_DIR}/COPYING DESTINATION . COMPONENT ${component})
endforeach()
