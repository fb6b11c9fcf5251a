import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Plenary.Ui

// A card for one room: the running session with its progress, and the one after it.
ItemDelegate {
    id: root

    required property int index
    required property string roomName
    required property string floorName
    required property string nowSessionId
    required property string nowTitle
    required property string nowTimeText
    required property string nowTrackColor
    required property real nowProgress
    required property int nowMinutesLeft
    required property string nextSessionId
    required property string nextTitle
    required property string nextTimeText
    required property int nextMinutesUntil
    required property string nextStartText

    signal sessionClicked(string sessionId)

    width: ListView.view ? ListView.view.width : implicitWidth
    highlighted: ListView.view && ListView.view.activeFocus && ListView.isCurrentItem
    Accessible.name: root.roomName
    onClicked: root.sessionClicked(root.nowSessionId.length > 0 ? root.nowSessionId : root.nextSessionId)

    contentItem: ColumnLayout {
        spacing: 6
        Label {
            Layout.fillWidth: true
            text: root.floorName.length > 0 ? qsTr("%1 · %2").arg(root.roomName).arg(root.floorName) : root.roomName
            font.pixelSize: 12
            font.weight: Font.Bold
            color: root.Material.accent
            elide: Text.ElideRight
        }
        ColumnLayout {
            Layout.fillWidth: true
            visible: root.nowTitle.length > 0
            spacing: 4
            Label {
                Layout.fillWidth: true
                text: root.nowTitle
                font.pixelSize: 15
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                ProgressBar {
                    Layout.fillWidth: true
                    value: root.nowProgress
                    Material.accent: root.nowTrackColor.length > 0 ? root.nowTrackColor : root.Material.accent
                    Accessible.name: qsTr("Progress of the running session")
                }
                Label {
                    text: qsTr("%1 min left").arg(root.nowMinutesLeft)
                    font.pixelSize: 12
                    color: root.Material.hintTextColor
                }
            }
        }
        Label {
            Layout.fillWidth: true
            visible: root.nextTitle.length > 0
            text: root.nextMinutesUntil <= 60 ? qsTr("Next in %1 min · %2").arg(root.nextMinutesUntil).arg(root.nextTitle)
                                              : qsTr("Next at %1 · %2").arg(root.nextStartText).arg(root.nextTitle)
            font.pixelSize: 13
            color: root.Material.hintTextColor
            elide: Text.ElideRight
        }
    }
}
