import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import QtQuick.Templates as T
import Plenary.Models

// The application window; the controller and settings are handed in by main.cpp. The Material window on the
// template (its colour is all the style adds), like the rest of what start-up shows.
T.ApplicationWindow {
    id: root

    required property ConferenceController controller
    required property AppSettings settings
    readonly property alias shell: appShell

    function showPage(name) {
        return appShell.showPage(name)
    }

    width: 420
    height: 860
    minimumWidth: 340
    minimumHeight: 480
    visible: true
    color: root.Material.backgroundColor
    title: root.controller.title.length > 0 ? qsTr("%1 · Plenary").arg(root.controller.title) : qsTr("Plenary")

    Material.theme: root.settings.dark ? Material.Dark : Material.Light
    Material.primary: root.settings.dark ? "#1f2a44" : "#283593"
    Material.accent: root.settings.dark ? "#8c9eff" : "#3949ab"

    AppShell {
        id: appShell
        anchors.fill: parent
        controller: root.controller
        settings: root.settings
    }
}
