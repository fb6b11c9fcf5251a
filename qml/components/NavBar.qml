import QtQuick
import QtQuick.Controls.Material
import QtQuick.Templates as T
import Plenary.Ui

// The bottom navigation of the phone layout: one button per destination. Templates with Material colours, as on
// the rest of the first page.
T.ToolBar {
    id: root

    property int currentIndex: 0
    property var destinations: []

    signal selected(int index)

    Material.background: Material.theme === Material.Dark ? "#1b1d26" : "#f3f4fa"
    contentHeight: 56
    implicitWidth: Math.max(implicitBackgroundWidth + leftInset + rightInset, contentWidth + leftPadding + rightPadding)
    implicitHeight: Math.max(implicitBackgroundHeight + topInset + bottomInset, contentHeight + topPadding + bottomPadding)
    background: Rectangle {
        implicitHeight: 48
        color: root.Material.background
    }

    Rectangle {
        anchors.top: parent.top
        width: parent.width
        height: 1
        color: root.Material.dividerColor
    }
    NavList {
        anchors.fill: parent
        orientation: ListView.Horizontal
        model: root.destinations
        selectedIndex: root.currentIndex
        onSelected: (index) => root.selected(index)
        delegate: NavButton {
            id: button
            width: button.nav ? button.nav.width / Math.max(1, button.nav.count) : implicitWidth
            height: 56
        }
    }
}
