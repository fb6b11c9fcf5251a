import QtQuick
import QtQuick.Controls.Material
import QtQuick.Templates as T
import Plenary.Ui

// A rounded filter chip: shows its label, marks itself when active, and can hint at a menu.
T.AbstractButton {
    id: root

    property bool active: false
    property bool hasMenu: false
    // The chip's menu once FilterBar has made it.
    property var menu: null

    implicitHeight: 32
    implicitWidth: root.implicitContentWidth + 24
    focusPolicy: Qt.StrongFocus
    Accessible.role: Accessible.Button
    Accessible.name: root.text
    Accessible.checkable: true
    Accessible.checked: root.active

    contentItem: Text {
        text: root.hasMenu ? root.text + "  ▾" : root.text
        font.pixelSize: 13
        font.weight: root.active ? Font.DemiBold : Font.Normal
        color: root.active ? Material.accent : Material.foreground
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }

    background: Rectangle {
        radius: height / 2
        color: root.active ? Qt.alpha(root.Material.accent, 0.14) : "transparent"
        border.width: root.visualFocus ? 2 : 1
        border.color: root.active || root.visualFocus ? root.Material.accent : root.Material.dividerColor
    }
}
