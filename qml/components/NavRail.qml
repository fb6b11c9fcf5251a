import QtQuick
import QtQuick.Controls.Material
import QtQuick.Templates as T
import Plenary.Ui

// The side navigation of the wide layout. Templates with Material colours, as on the rest of the first page.
T.Pane {
    id: root

    property int currentIndex: 0
    property var destinations: []

    signal selected(int index)

    padding: 0
    implicitWidth: 88
    Material.background: Material.theme === Material.Dark ? "#1b1d26" : "#f3f4fa"
    background: Rectangle {
        color: root.Material.background
    }

    Rectangle {
        anchors.right: parent.right
        height: parent.height
        width: 1
        color: root.Material.dividerColor
    }
    NavList {
        anchors.fill: parent
        anchors.topMargin: 8
        spacing: 4
        model: root.destinations
        selectedIndex: root.currentIndex
        onSelected: (index) => root.selected(index)
        delegate: NavButton {
            id: button
            width: button.nav ? button.nav.width - 1 : implicitWidth
            height: 64
            symbolSize: 22
            labelSize: 12
            lineSpacing: 4
            tint: 0.12
            radius: 12
        }
    }
}
