import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import Plenary.Models
import Plenary.Ui

// A small dot and word in the header saying whether live seats are reaching us; hidden without a seat server.
RowLayout {
    id: root

    readonly property int connectivity: SeatsController.online

    visible: root.connectivity !== SeatsController.NoServer
    spacing: 4
    Accessible.role: Accessible.StaticText
    Accessible.name: label.text

    Rectangle {
        implicitWidth: 8
        implicitHeight: 8
        radius: 4
        color: root.connectivity === SeatsController.Online ? "#66bb6a"
             : root.connectivity === SeatsController.Degraded ? "#ffca28" : "#ef5350"
    }
    Text {
        id: label
        color: Material.foreground
        text: root.connectivity === SeatsController.Online ? qsTr("Live")
            : root.connectivity === SeatsController.Degraded ? qsTr("Limited") : qsTr("Offline")
        font.pixelSize: 11
        opacity: 0.85
    }
}
