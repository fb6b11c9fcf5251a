import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Plenary.Models
import Plenary.Ui

// One agenda entry as a block on the day timeline: placed by its start, sized by its duration, and sharing
// the width with the items it overlaps (its lane). Shows a seat / waitlist badge, conflicts with the obvious
// fix, a greyed look with Remove when it left the schedule, and what changed. Clicking opens the session, or
// the editor for a personal item.
ItemDelegate {
    id: root

    required property int index
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
    required property int fixAction
    required property bool vanished
    required property bool changed
    required property string changedText
    required property bool reminderOn
    required property bool running
    required property bool past
    required property int seatStatus
    required property int waitlistPosition
    required property bool starred
    required property int startMinute
    required property int spanMinutes
    required property int lane
    required property int laneCount

    // Where the timeline puts the block (set by the page).
    // Shown in the wide layout's detail pane.
    property bool selected: false
    property int timelineStart: 0
    property real pxPerMinute: 2
    property real areaX: 0
    property real areaWidth: 300

    signal fixClicked()
    signal removeClicked()
    signal reminderToggled(bool on)

    readonly property color conflictColor: root.conflictSeverity >= AgendaModel.SeatHeld ? "#c62828" : "#ef6c00"
    readonly property color tint: root.conflictSeverity !== AgendaModel.NoConflict ? root.conflictColor
                                : root.seatStatus === AgendaController.SeatConfirmed ? "#2e7d32"
                                : root.kind === AgendaModel.Personal ? "#8e24aa" : root.Material.accent
    readonly property string seatText: root.seatStatus === AgendaController.SeatConfirmed ? qsTr("Seat held")
                                     : root.seatStatus === AgendaController.SeatPending ? qsTr("Seat requested")
                                     : root.seatStatus === AgendaController.SeatWaitlisted
                                       ? qsTr("Waitlist #%1").arg(root.waitlistPosition) : ""
    readonly property real laneWidth: root.areaWidth / Math.max(1, root.laneCount)
    readonly property string placeText: root.kind !== AgendaModel.Personal ? root.place
                                      : root.place.length > 0 ? qsTr("Personal · %1").arg(root.place) : qsTr("Personal")

    // The non-empty texts in `texts`, joined by `separator`.
    function joinNonEmpty(texts, separator) {
        const parts = []
        for (let i = 0; i < texts.length; ++i) {
            if (texts[i].length > 0)
                parts.push(texts[i])
        }
        return parts.join(separator)
    }

    x: root.areaX + root.lane * root.laneWidth
    y: (root.startMinute - root.timelineStart) * root.pxPerMinute + 1
    width: root.laneWidth - 4
    height: root.spanMinutes * root.pxPerMinute - 2
    padding: 0
    clip: true
    Accessible.name: root.joinNonEmpty([root.title, root.timeText, root.seatText, root.conflictText], ", ")

    background: Rectangle {
        radius: 6
        // Opaque, so the hour lines stay behind the block.
        color: Qt.tint(root.Material.background, Qt.alpha(root.tint, root.down ? 0.26 : root.selected ? 0.2 : 0.12))
        border.width: root.running || root.selected ? 2 : 0
        border.color: root.selected ? root.Material.accent : root.tint
        opacity: root.vanished ? 0.5 : (root.past ? 0.6 : 1)
        Rectangle {
            width: 4
            height: parent.height
            radius: 2
            color: root.tint
        }
    }

    contentItem: ColumnLayout {
        spacing: 1
        opacity: root.vanished ? 0.55 : (root.past ? 0.7 : 1)

        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: 10
            Layout.topMargin: 4
            spacing: 2
            Label {
                Layout.fillWidth: true
                Layout.alignment: Qt.AlignTop
                text: root.title
                font.pixelSize: 14
                font.weight: Font.DemiBold
                font.strikeout: root.vanished
                wrapMode: Text.Wrap
                maximumLineCount: root.height >= (root.canFixConflict ? 120 : 80) ? 2 : 1
                elide: Text.ElideRight
            }
            ToolButton {
                Layout.alignment: Qt.AlignTop
                Layout.preferredWidth: 28
                Layout.preferredHeight: 24
                Layout.topMargin: -2
                visible: !root.vanished && root.width > 120
                objectName: "reminderToggle"
                padding: 0
                text: "◷"
                font.pixelSize: 15
                font.strikeout: !root.reminderOn
                checkable: true
                checked: root.reminderOn
                opacity: root.reminderOn ? 1 : 0.35
                Accessible.name: root.reminderOn ? qsTr("Turn the reminder off") : qsTr("Turn the reminder on")
                onClicked: root.reminderToggled(!root.reminderOn)
            }
        }
        Label {
            Layout.fillWidth: true
            Layout.leftMargin: 10
            Layout.rightMargin: 6
            text: root.joinNonEmpty([root.timeText, root.placeText], " · ")
            font.pixelSize: 12
            font.weight: root.running ? Font.Bold : Font.Normal
            color: root.running ? root.tint : root.Material.hintTextColor
            elide: Text.ElideRight
        }
        Flow {
            Layout.fillWidth: true
            Layout.leftMargin: 10
            Layout.rightMargin: 6
            Layout.topMargin: 2
            spacing: 4
            visible: root.seatText.length > 0 || root.vanished
            Badge {
                objectName: "seatBadge"
                visible: root.seatText.length > 0
                text: root.seatText
                tint: root.seatStatus === AgendaController.SeatConfirmed ? "#2e7d32" : "#6d4c41"
            }
            Badge {
                visible: root.vanished
                text: qsTr("No longer in the schedule")
                tint: "#757575"
            }
        }
        Label {
            Layout.fillWidth: true
            Layout.leftMargin: 10
            Layout.rightMargin: 6
            visible: root.changed && !root.vanished
            text: root.changedText
            font.pixelSize: 12
            color: root.Material.theme === Material.Dark ? "#90caf9" : "#1565c0"
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        Label {
            Layout.fillWidth: true
            Layout.leftMargin: 10
            Layout.rightMargin: 6
            objectName: "conflictText"
            visible: root.conflictSeverity !== AgendaModel.NoConflict
            text: "⚠ " + root.conflictText
            font.pixelSize: 12
            color: root.conflictColor
            wrapMode: Text.Wrap
            maximumLineCount: root.height >= 140 ? 2 : 1
            elide: Text.ElideRight
        }
        Flow {
            Layout.fillWidth: true
            Layout.leftMargin: 4
            spacing: 0
            Button {
                objectName: "fixButton"
                visible: root.canFixConflict && !root.vanished
                flat: true
                topInset: 0
                bottomInset: 0
                implicitHeight: 28
                font.pixelSize: 12
                Material.foreground: root.conflictColor
                text: root.fixAction === AgendaModel.ReleaseSeatFix ? qsTr("Release seat") : qsTr("Unstar")
                Accessible.name: root.fixAction === AgendaModel.ReleaseSeatFix
                                 ? qsTr("Give back your seat in %1").arg(root.title)
                                 : qsTr("Remove %1 from my agenda").arg(root.title)
                onClicked: root.fixClicked()
            }
            Button {
                visible: root.vanished
                flat: true
                topInset: 0
                bottomInset: 0
                implicitHeight: 28
                font.pixelSize: 12
                text: qsTr("Remove")
                onClicked: root.removeClicked()
            }
        }
        Item {
            Layout.fillHeight: true
        }
    }
}
