import QtQuick
import QtQuick.Controls.Material
import Plenary.Ui

// A sticky list section label (a time slot, a floor, a letter); the list sets its text from `section`.
Rectangle {
    id: root

    property string text

    width: ListView.view ? ListView.view.width : implicitWidth
    implicitHeight: 30
    color: Material.backgroundColor
    Accessible.role: Accessible.Heading
    Accessible.name: root.text

    Text {
        anchors.left: parent.left
        anchors.leftMargin: 16
        anchors.verticalCenter: parent.verticalCenter
        text: root.text
        font.pixelSize: 13
        // DemiBold, not Bold: the same face with DejaVu and Nanum, and one font fewer to set up at start-up.
        font.weight: Font.DemiBold
        color: Material.accent
    }
    Rectangle {
        anchors.bottom: parent.bottom
        width: parent.width
        height: 1
        color: Material.dividerColor
    }
}
