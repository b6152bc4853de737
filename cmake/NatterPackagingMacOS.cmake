# SPDX-License-Identifier: GPL-3.0-or-later
# macOS: `cpack -G DragNDrop` makes a .dmg holding Natter.app beside a link to /Applications. The bundle's
# Info.plist comes from the target's MACOSX_BUNDLE_* properties (client/CMakeLists.txt); Qt's frameworks and
# plugins go into the bundle at install time (macdeployqt, through qt_generate_deploy_app_script). natterd
# is not in the .dmg: on a Mac it is built from source (README).
set(CPACK_GENERATOR "DragNDrop")
set(CPACK_COMPONENTS_ALL client)
set(CPACK_DMG_VOLUME_NAME "Natter")
set(CPACK_PACKAGE_ICON "${NATTER_ICON_DIR}/natter.icns")
# One .dmg, named natter-<version>-Darwin.dmg, rather than one per component.
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
