import QtQuick
import QtQuick.Controls.Material
import QtQuick.Templates as T

// The agenda star of a row: filled when on. Built on the template with a plain Text, since every visible row
// has one at start-up; a round tint shows hover and press.
T.ToolButton {
    id: root

    property bool on: false

    implicitWidth: 48
    implicitHeight: 48
    focusPolicy: Qt.NoFocus

    contentItem: Text {
        text: root.on ? "★" : "☆"
        font.pixelSize: 20
        color: root.on ? "#f9a825" : root.Material.hintTextColor
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
    }
    background: Rectangle {
        radius: width / 2
        color: root.down ? Qt.alpha(Material.foreground, 0.12)
             : root.hovered ? Material.rippleColor : "transparent"
    }
}
