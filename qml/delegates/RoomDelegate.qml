import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Plenary.Ui

// One room of the venue with what is on now and next there.
ItemDelegate {
    id: root

    required property int index
    required property string roomId
    required property string roomName
    required property int capacity
    required property string address
    required property string description
    required property string nowSessionId
    required property string nowTitle
    required property string nowTimeText
    required property string nextSessionId
    required property string nextTitle
    required property string nextTimeText

    signal sessionClicked(string sessionId)

    width: ListView.view ? ListView.view.width : implicitWidth
    highlighted: ListView.view && ListView.view.activeFocus && ListView.isCurrentItem
    Accessible.name: root.roomName
    onClicked: root.sessionClicked(root.nowSessionId.length > 0 ? root.nowSessionId : root.nextSessionId)

    contentItem: ColumnLayout {
        spacing: 4
        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: root.roomName
                font.pixelSize: 15
                font.weight: Font.DemiBold
                elide: Text.ElideRight
            }
            Label {
                visible: root.capacity > 0
                text: qsTr("%1 seats").arg(root.capacity)
                font.pixelSize: 12
                color: root.Material.hintTextColor
            }
        }
        Label {
            Layout.fillWidth: true
            visible: root.address.length > 0
            text: root.address
            font.pixelSize: 12
            color: root.Material.hintTextColor
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            visible: root.description.length > 0
            text: root.description
            font.pixelSize: 12
            color: root.Material.hintTextColor
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            text: root.nowTitle.length > 0 ? qsTr("Now: %1 (%2)").arg(root.nowTitle).arg(root.nowTimeText)
                                           : qsTr("Now: nothing scheduled")
            font.pixelSize: 13
            elide: Text.ElideRight
        }
        Label {
            Layout.fillWidth: true
            visible: root.nextTitle.length > 0
            text: qsTr("Next: %1 (%2)").arg(root.nextTitle).arg(root.nextTimeText)
            font.pixelSize: 13
            color: root.Material.hintTextColor
            elide: Text.ElideRight
        }
    }
}
