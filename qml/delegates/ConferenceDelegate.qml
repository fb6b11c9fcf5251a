import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Plenary.Ui

// One kept conference; the open one is marked.
ItemDelegate {
    id: root

    required property int index
    required property string conferenceId
    required property string title
    required property int sessionCount
    required property string sourceUrl
    required property bool isCurrent

    signal removeClicked()

    width: ListView.view ? ListView.view.width : implicitWidth
    highlighted: root.isCurrent
    Accessible.name: root.isCurrent ? qsTr("%1 (open)").arg(root.title) : root.title

    contentItem: RowLayout {
        spacing: 12
        Glyph {
            text: root.isCurrent ? "✓" : ""
            size: 18
            color: root.Material.accent
            Layout.preferredWidth: 20
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                Layout.fillWidth: true
                text: root.title
                font.pixelSize: 15
                font.weight: root.isCurrent ? Font.DemiBold : Font.Normal
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                text: root.sessionCount === 1 ? qsTr("1 session") : qsTr("%1 sessions").arg(root.sessionCount)
                font.pixelSize: 12
                color: root.Material.hintTextColor
                elide: Text.ElideMiddle
            }
        }
        ToolButton {
            visible: !root.isCurrent
            text: "✕"
            Accessible.name: qsTr("Remove %1 from this device").arg(root.title)
            onClicked: root.removeClicked()
        }
    }
}
