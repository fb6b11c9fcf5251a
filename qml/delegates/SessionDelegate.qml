import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Plenary.Models
import Plenary.Ui

// One session row: track colour bar, time, title, speakers, room · floor, type and seat badges, agenda star.
ItemDelegate {
    id: root

    required property int index
    required property string sessionId
    required property string title
    required property string timeText
    required property string roomName
    required property string floorName
    required property string trackName
    required property string trackColor
    required property int type
    required property string typeText
    required property int seatCapacity
    required property bool inAgenda
    required property var speakerNames
    property bool selected: false

    signal starClicked()

    width: ListView.view ? ListView.view.width : implicitWidth
    padding: 0
    highlighted: root.selected || (ListView.view && ListView.view.activeFocus && ListView.isCurrentItem)
    Accessible.name: qsTr("%1, %2, %3").arg(root.title).arg(root.timeText).arg(root.roomName)

    contentItem: RowLayout {
        spacing: 12

        Rectangle {
            Layout.fillHeight: true
            Layout.topMargin: 10
            Layout.bottomMargin: 10
            implicitWidth: 4
            radius: 2
            color: root.trackColor.length > 0 ? root.trackColor : root.Material.dividerColor
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.topMargin: 10
            Layout.bottomMargin: 10
            spacing: 3

            RowLayout {
                Layout.fillWidth: true
                spacing: 6
                Label {
                    text: root.timeText
                    font.pixelSize: 12
                    color: root.Material.hintTextColor
                }
                Badge {
                    visible: root.type !== SessionListModel.Talk
                    text: root.typeText
                    tint: root.type === SessionListModel.Keynote ? "#c2185b"
                        : root.type === SessionListModel.Break ? root.Material.hintTextColor
                        : root.Material.accent
                }
                Badge {
                    visible: root.seatCapacity > 0
                    text: qsTr("%1 seats").arg(root.seatCapacity)
                    tint: "#ef6c00"
                }
                Item {
                    Layout.fillWidth: true
                }
            }
            Label {
                Layout.fillWidth: true
                text: root.title
                font.pixelSize: 15
                font.weight: Font.DemiBold
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                visible: root.speakerNames.length > 0
                text: root.speakerNames.join(", ")
                font.pixelSize: 13
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                text: root.floorName.length > 0 ? qsTr("%1 · %2").arg(root.roomName).arg(root.floorName) : root.roomName
                font.pixelSize: 12
                color: root.Material.hintTextColor
                elide: Text.ElideRight
            }
        }

        ToolButton {
            Layout.alignment: Qt.AlignTop
            Layout.topMargin: 2
            text: root.inAgenda ? "★" : "☆"
            font.pixelSize: 20
            Material.foreground: root.inAgenda ? "#f9a825" : root.Material.hintTextColor
            focusPolicy: Qt.NoFocus
            Accessible.name: root.inAgenda ? qsTr("Remove “%1” from my agenda").arg(root.title)
                                           : qsTr("Add “%1” to my agenda").arg(root.title)
            onClicked: root.starClicked()
        }
    }
}
