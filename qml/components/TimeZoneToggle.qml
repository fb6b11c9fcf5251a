import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import QtQuick.Templates as T
import Plenary.Models
import Plenary.Ui

// The header switch between venue time and the device's time: "Venue time / New York" or "Your time / Berlin".
T.AbstractButton {
    id: root

    property TimeZoneController timeZone
    readonly property bool venue: root.timeZone ? root.timeZone.useVenueTime : true

    // The header's right edge keeps the 16 px its left edge has (with the header row's own 4 px).
    horizontalPadding: 12
    implicitWidth: root.implicitContentWidth + root.leftPadding + root.rightPadding
    implicitHeight: 40
    focusPolicy: Qt.StrongFocus
    Accessible.role: Accessible.Button
    Accessible.name: root.venue ? qsTr("Showing venue time, %1. Switch to your time").arg(root.timeZone.venueCity)
                                : qsTr("Showing your time. Switch to venue time")
    // The template's attached tool tip makes the styled ToolTip only when it first shows.
    T.ToolTip.visible: root.hovered
    T.ToolTip.delay: 600
    T.ToolTip.text: root.Accessible.name
    onClicked: root.timeZone.toggle()

    contentItem: ColumnLayout {
        spacing: 0
        Text {
            Layout.alignment: Qt.AlignRight
            text: root.venue ? qsTr("Venue time") : qsTr("Your time")
            color: root.Material.foreground
            font.pixelSize: 11
            opacity: 0.8
        }
        Text {
            Layout.alignment: Qt.AlignRight
            color: root.Material.foreground
            text: "⇄ " + (root.venue ? root.timeZone.venueCity : root.timeZone.deviceCity)
            font.pixelSize: 13
            font.weight: Font.DemiBold
        }
    }
    background: Rectangle {
        radius: 8
        color: root.down || root.hovered ? Qt.alpha(root.Material.foreground, 0.08) : "transparent"
        border.width: root.visualFocus ? 2 : 0
        border.color: root.Material.accent
    }
}
