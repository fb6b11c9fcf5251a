import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Plenary.Ui

// A round placeholder with a speaker's initials (the sample has no photos and the app loads none).
Rectangle {
    id: root

    property string initials
    property real size: 40

    implicitWidth: root.size
    implicitHeight: root.size
    radius: root.size / 2
    color: Qt.alpha(Material.accent, 0.18)
    Accessible.ignored: true

    Label {
        anchors.centerIn: parent
        text: root.initials
        font.pixelSize: root.size * 0.38
        font.weight: Font.DemiBold
        color: Material.accent
    }
}
