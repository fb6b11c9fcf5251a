import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Plenary.Ui

// The side navigation of the wide layout.
Pane {
    id: root

    property int currentIndex: 0
    property var destinations: []

    signal selected(int index)

    padding: 0
    implicitWidth: 88
    Material.background: Material.theme === Material.Dark ? "#1b1d26" : "#f3f4fa"
    Material.elevation: 0

    Rectangle {
        anchors.right: parent.right
        height: parent.height
        width: 1
        color: root.Material.dividerColor
    }
    ColumnLayout {
        anchors.fill: parent
        anchors.topMargin: 8
        spacing: 4

        Repeater {
            model: root.destinations
            delegate: ToolButton {
                id: button
                required property var modelData
                required property int index
                Layout.fillWidth: true
                Layout.preferredHeight: 64
                checked: root.currentIndex === button.index
                Accessible.name: button.modelData.name
                Accessible.role: Accessible.PageTab
                onClicked: root.selected(button.index)
                contentItem: Column {
                    spacing: 4
                    Glyph {
                        anchors.horizontalCenter: parent.horizontalCenter
                        text: button.modelData.symbol
                        size: 22
                        color: button.checked ? button.Material.accent : button.Material.foreground
                    }
                    Label {
                        anchors.horizontalCenter: parent.horizontalCenter
                        text: button.modelData.shortName
                        font.pixelSize: 12
                        font.weight: button.checked ? Font.DemiBold : Font.Normal
                        color: button.checked ? button.Material.accent : button.Material.foreground
                    }
                }
                background: Rectangle {
                    color: button.checked ? Qt.alpha(button.Material.accent, 0.12) : "transparent"
                    radius: 12
                }
            }
        }
        Item {
            Layout.fillHeight: true
        }
    }
}
