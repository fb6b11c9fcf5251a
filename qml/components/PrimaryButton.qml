import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Plenary.Ui

// A filled accent button drawn without shader effects, so it also shows with the software renderer.
Button {
    id: root

    property bool filled: true

    Accessible.name: root.text
    contentItem: Text {
        text: root.text
        font.pixelSize: 14
        font.weight: Font.DemiBold
        color: root.filled ? (root.Material.theme === Material.Dark ? "#10131c" : "#ffffff") : root.Material.accent
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        implicitWidth: 64
        implicitHeight: 40
        radius: 20
        opacity: root.enabled ? 1 : 0.4
        color: root.filled ? (root.down ? Qt.darker(root.Material.accent, 1.15) : root.Material.accent) : "transparent"
        border.width: root.filled && !root.visualFocus ? 0 : (root.visualFocus ? 2 : 1)
        border.color: root.visualFocus ? root.Material.foreground : root.Material.accent
    }
}
