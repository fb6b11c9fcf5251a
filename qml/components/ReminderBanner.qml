import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material

// The in-app reminder, shown when no desktop notification server takes it; bound to ReminderService.banner.
Pane {
    id: root

    property string text

    signal dismissed()

    visible: root.text.length > 0
    padding: 10
    Material.background: "#263238"
    Material.foreground: "#ffffff"
    Material.elevation: 0
    Accessible.role: Accessible.AlertMessage
    Accessible.name: root.text

    RowLayout {
        anchors.fill: parent
        spacing: 8
        Label {
            text: "◷"
        }
        Label {
            Layout.fillWidth: true
            text: root.text
            wrapMode: Text.Wrap
            color: "#ffffff"
        }
        Button {
            flat: true
            text: qsTr("Dismiss")
            Material.foreground: "#ffffff"
            onClicked: root.dismissed()
        }
    }
}
