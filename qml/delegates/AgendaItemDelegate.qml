import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Plenary.Models
import Plenary.Ui

// One agenda entry on the day timeline: time label, the "now" line above it when it is next, a marker for
// conflicts with the obvious fix, a greyed look with Remove when it left the schedule, and what changed.
ItemDelegate {
    id: root

    required property string key
    required property int kind
    required property string sessionId
    required property string personalId
    required property string title
    required property string timeText
    required property string place
    required property int conflictSeverity
    required property string conflictText
    required property bool canFixConflict
    required property bool vanished
    required property bool changed
    required property string changedText
    required property bool reminderOn
    required property bool nowBefore
    required property bool running
    required property bool past

    signal fixClicked()
    signal removeClicked()
    signal editClicked()
    signal reminderToggled(bool on)

    readonly property color conflictColor: root.conflictSeverity >= AgendaModel.SeatHeld ? "#c62828" : "#ef6c00"

    width: ListView.view ? ListView.view.width : implicitWidth
    padding: 0
    topPadding: root.nowBefore ? 14 : 0
    Accessible.name: qsTr("%1, %2").arg(root.title).arg(root.timeText)

    Rectangle {
        visible: root.nowBefore
        objectName: "nowLine"
        x: 8
        y: 6
        width: parent.width - 16
        height: 2
        color: "#e53935"
        Rectangle {
            anchors.verticalCenter: parent.verticalCenter
            width: 10
            height: 10
            radius: 5
            color: "#e53935"
        }
    }

    contentItem: RowLayout {
        spacing: 10
        opacity: root.vanished ? 0.5 : (root.past ? 0.7 : 1)

        Label {
            Layout.alignment: Qt.AlignTop
            Layout.topMargin: 10
            Layout.leftMargin: 12
            Layout.preferredWidth: 92
            text: root.timeText
            font.pixelSize: 12
            font.weight: root.running ? Font.Bold : Font.Normal
            color: root.running ? root.Material.accent : root.Material.hintTextColor
            wrapMode: Text.Wrap
        }
        Rectangle {
            Layout.fillHeight: true
            Layout.topMargin: 8
            Layout.bottomMargin: 8
            implicitWidth: 4
            radius: 2
            color: root.conflictSeverity !== AgendaModel.NoConflict ? root.conflictColor
                 : root.kind === AgendaModel.Personal ? "#8e24aa" : root.Material.accent
        }
        ColumnLayout {
            Layout.fillWidth: true
            Layout.topMargin: 8
            Layout.bottomMargin: 8
            Layout.rightMargin: 4
            spacing: 3

            Label {
                Layout.fillWidth: true
                text: root.title
                font.pixelSize: 15
                font.weight: Font.DemiBold
                font.strikeout: root.vanished
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                visible: text.length > 0
                text: root.kind === AgendaModel.Personal ? (root.place.length > 0 ? qsTr("Personal · %1").arg(root.place) : qsTr("Personal"))
                                                         : root.place
                font.pixelSize: 12
                color: root.Material.hintTextColor
                elide: Text.ElideRight
            }
            Label {
                Layout.fillWidth: true
                visible: root.vanished
                text: qsTr("No longer in the schedule")
                font.pixelSize: 12
                font.italic: true
            }
            Label {
                Layout.fillWidth: true
                visible: root.changed && !root.vanished
                text: root.changedText
                font.pixelSize: 12
                color: "#1565c0"
                wrapMode: Text.Wrap
            }
            RowLayout {
                Layout.fillWidth: true
                visible: root.conflictSeverity !== AgendaModel.NoConflict
                spacing: 6
                Label {
                    text: "⚠"
                    color: root.conflictColor
                }
                Label {
                    Layout.fillWidth: true
                    objectName: "conflictText"
                    text: root.conflictText
                    font.pixelSize: 12
                    color: root.conflictColor
                    wrapMode: Text.Wrap
                }
            }
            RowLayout {
                spacing: 0
                Button {
                    visible: root.canFixConflict && !root.vanished
                    flat: true
                    text: qsTr("Unstar")
                    Accessible.name: qsTr("Remove %1 from my agenda").arg(root.title)
                    onClicked: root.fixClicked()
                }
                Button {
                    visible: root.vanished
                    flat: true
                    text: qsTr("Remove")
                    onClicked: root.removeClicked()
                }
                Button {
                    visible: root.kind === AgendaModel.Personal
                    flat: true
                    text: qsTr("Edit")
                    onClicked: root.editClicked()
                }
            }
        }
        ToolButton {
            Layout.alignment: Qt.AlignTop
            visible: !root.vanished
            objectName: "reminderToggle"
            text: "◷"
            font.pixelSize: 18
            font.strikeout: !root.reminderOn
            checkable: true
            checked: root.reminderOn
            opacity: root.reminderOn ? 1 : 0.35
            Accessible.name: root.reminderOn ? qsTr("Turn the reminder off") : qsTr("Turn the reminder on")
            onClicked: root.reminderToggled(!root.reminderOn)
        }
    }
}
