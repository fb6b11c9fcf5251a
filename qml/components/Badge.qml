import QtQuick
import QtQuick.Controls.Material
import Plenary.Ui

// A small pill with a short text (session type, seats, level).
Rectangle {
    id: root

    property string text
    property color tint: Material.accent

    implicitWidth: label.implicitWidth + 12
    implicitHeight: label.implicitHeight + 4
    radius: 4
    color: Qt.alpha(root.tint, 0.15)
    Accessible.role: Accessible.StaticText
    Accessible.name: root.text

    Text {
        id: label
        anchors.centerIn: parent
        text: root.text
        font.pixelSize: 11
        font.weight: Font.DemiBold
        color: root.tint
    }
}
