import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Plenary.Ui

// One speaker row: initials, name, company and how many sessions they give.
ItemDelegate {
    id: root

    required property int index
    required property string speakerId
    required property string name
    required property string company
    required property string initials
    required property int sessionCount

    width: ListView.view ? ListView.view.width : implicitWidth
    highlighted: ListView.view && ListView.view.activeFocus && ListView.isCurrentItem
    Accessible.name: root.company.length > 0 ? qsTr("%1, %2").arg(root.name).arg(root.company) : root.name

    contentItem: RowLayout {
        spacing: 12
        Avatar {
            initials: root.initials
        }
        ColumnLayout {
            Layout.fillWidth: true
            spacing: 2
            Label {
                Layout.fillWidth: true
                text: root.name
                font.pixelSize: 15
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                visible: root.company.length > 0
                text: root.company
                font.pixelSize: 12
                color: root.Material.hintTextColor
                elide: Text.ElideRight
            }
        }
        Label {
            text: root.sessionCount === 1 ? qsTr("1 session") : qsTr("%1 sessions").arg(root.sessionCount)
            font.pixelSize: 12
            color: root.Material.hintTextColor
        }
    }
}
