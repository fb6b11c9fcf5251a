pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import QtQuick.Dialogs
import Plenary.Models
import Plenary.Ui

// My agenda: one day as a timeline (height by duration, overlapping items side by side, a "now" line) of
// starred sessions, reserved seats and personal items, with what is next up, conflicts with their fixes
// and schedule changes (with the details beside it when wide).
Page {
    id: root

    property ConferenceController controller
    property bool wide: false
    property string selectedSessionId
    // The timeline's scale: two pixels a minute keeps a 30-minute block tall enough for its title.
    readonly property real pxPerMinute: 2
    readonly property AgendaModel agenda: root.controller ? root.controller.agendaItems : null

    signal sessionClicked(string sessionId)
    signal speakerClicked(string speakerId)
    signal browseRequested()

    title: qsTr("My agenda")
    Accessible.name: qsTr("My agenda")

    // Like the schedule, the wide layout shows a session beside the day when the day has one.
    function fillDetails() {
        if (!root.wide || root.selectedSessionId.length > 0 || !root.agenda)
            return
        const sessionId = root.agenda.firstSessionId()
        if (sessionId.length > 0)
            root.sessionClicked(sessionId)
    }
    onWideChanged: root.fillDetails()
    Component.onCompleted: root.fillDetails()
    Connections {
        target: root.agenda
        function onCountChanged() {
            root.fillDetails()
        }
    }

    Binding {
        target: root.agenda
        property: "dayIndex"
        value: dayTabs.currentIndex
        when: root.agenda !== null && root.controller.days.length > 0
    }

    FileDialog {
        id: exportDialog
        title: qsTr("Export my agenda")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "ics"
        nameFilters: [qsTr("Calendar files (*.ics)")]
        onAccepted: root.agenda.exportTo(exportDialog.selectedFile)
    }
    FileDialog {
        id: importDialog
        title: qsTr("Import an agenda")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Calendar files (*.ics)")]
        onAccepted: root.agenda.importFrom(importDialog.selectedFile)
    }

    Pane {
        id: toast
        objectName: "agendaToast"
        z: 5
        visible: root.agenda !== null && root.agenda.message.length > 0
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
        anchors.bottomMargin: 16
        padding: 10
        Material.background: "#323232"
        Material.elevation: 0
        Label {
            text: root.agenda ? root.agenda.message : ""
            color: "#ffffff"
        }
        Timer {
            running: toast.visible
            interval: 4000
            onTriggered: root.agenda.clearMessage()
        }
    }

    PersonalItemDialog {
        id: editor
        objectName: "personalItemDialog"
        agenda: root.agenda
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        ColumnLayout {
            Layout.fillHeight: true
            Layout.fillWidth: !root.wide
            Layout.preferredWidth: root.wide ? Math.min(640, root.width * 0.5) : -1
            spacing: 0

            Pane {
                objectName: "noticeBanner"
                Layout.fillWidth: true
                visible: root.agenda !== null && root.agenda.noticeCount > 0
                padding: 8
                Material.background: "#e3f2fd"
                Material.elevation: 0
                RowLayout {
                    anchors.fill: parent
                    Label {
                        Layout.fillWidth: true
                        text: root.agenda ? (root.agenda.noticeCount === 1 ? qsTr("1 change to your agenda") : qsTr("%1 changes to your agenda").arg(root.agenda.noticeCount)) : ""
                        color: "#0d47a1"
                        font.weight: Font.DemiBold
                        wrapMode: Text.Wrap
                    }
                    Button {
                        flat: true
                        text: qsTr("Dismiss")
                        onClicked: root.agenda.dismissNotices()
                    }
                }
            }

            DayTabs {
                id: dayTabs
                objectName: "agendaDayTabs"
                Layout.fillWidth: true
                visible: root.controller.days.length > 1
                days: root.controller.days
                currentIndex: Math.max(0, root.controller.todayIndex)
            }

            Pane {
                id: nextUp
                objectName: "nextUpCard"
                Layout.fillWidth: true
                Layout.margins: 12
                visible: root.agenda && root.agenda.hasNextUp
                Material.elevation: 0
                Material.background: Qt.rgba(root.Material.accent.r, root.Material.accent.g, root.Material.accent.b, 0.12)
                padding: 12
                ColumnLayout {
                    anchors.fill: parent
                    spacing: 2
                    Label {
                        text: root.agenda && root.agenda.nextUpRunning ? qsTr("Now") : qsTr("Next up")
                        font.pixelSize: 12
                        font.weight: Font.DemiBold
                        color: root.Material.accent
                    }
                    Label {
                        Layout.fillWidth: true
                        text: root.agenda ? root.agenda.nextUpTitle : ""
                        font.pixelSize: 16
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        text: !root.agenda ? ""
                              : root.agenda.nextUpTimeText.length > 0 && root.agenda.nextUpPlace.length > 0
                                ? root.agenda.nextUpTimeText + " · " + root.agenda.nextUpPlace
                                : root.agenda.nextUpTimeText + root.agenda.nextUpPlace
                        font.pixelSize: 12
                        color: root.Material.hintTextColor
                        elide: Text.ElideRight
                    }
                }
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.leftMargin: 12
                Layout.rightMargin: 12
                Button {
                    objectName: "addItemButton"
                    flat: true
                    text: qsTr("+ Add item")
                    enabled: root.agenda !== null && root.controller.loaded
                    onClicked: editor.openFor("")
                }
                Button {
                    objectName: "exportButton"
                    flat: true
                    text: qsTr("Export")
                    enabled: root.agenda !== null && root.agenda.totalCount > 0
                    onClicked: exportDialog.open()
                }
                Button {
                    objectName: "importButton"
                    flat: true
                    text: qsTr("Import")
                    enabled: root.agenda !== null && root.controller.loaded
                    onClicked: importDialog.open()
                }
                Item {
                    Layout.fillWidth: true
                }
                Label {
                    visible: root.agenda && root.agenda.conflictCount > 0
                    text: root.agenda ? (root.agenda.conflictCount === 1 ? qsTr("1 conflict") : qsTr("%1 conflicts").arg(root.agenda.conflictCount)) : ""
                    color: "#e65100"
                    font.pixelSize: 12
                }
            }

            Flickable {
                id: list
                objectName: "agendaList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                contentWidth: width
                contentHeight: timeline.height + 32
                boundsBehavior: Flickable.StopAtBounds

                readonly property int startMinute: root.agenda ? root.agenda.timelineStartMinute : 0
                readonly property int endMinute: root.agenda ? root.agenda.timelineEndMinute : 0
                readonly property int nowMinute: root.agenda ? root.agenda.nowMinute : -1
                readonly property real labelWidth: 48

                // Brings the "now" line (or the first item) into view when the day changes.
                function scrollToStart() {
                    // The half hour before "now", with its grid label, at the top.
                    const minute = list.nowMinute >= 0 ? Math.floor((list.nowMinute - 15) / 30) * 30 : list.startMinute
                    const y = Math.max(0, (minute - list.startMinute) * root.pxPerMinute + timeline.y - 10)
                    list.contentY = Math.max(0, Math.min(y, list.contentHeight - list.height))
                }
                Component.onCompleted: scrollLater.restart()
                Connections {
                    target: root.agenda
                    function onDayIndexChanged() { scrollLater.restart() }
                }
                // Scrolls once the timeline has taken the new day's size.
                Timer {
                    id: scrollLater
                    interval: 0
                    onTriggered: list.scrollToStart()
                }

                Item {
                    id: timeline
                    objectName: "agendaTimeline"
                    y: 16
                    width: list.width
                    height: Math.max(0, list.endMinute - list.startMinute) * root.pxPerMinute
                    visible: root.agenda !== null && root.agenda.count > 0

                    TimelineHours {
                        anchors.fill: parent
                        startMinute: list.startMinute
                        endMinute: list.endMinute
                        pxPerMinute: root.pxPerMinute
                        labelWidth: list.labelWidth
                    }
                    Repeater {
                        id: repeater
                        objectName: "agendaRepeater"
                        model: root.agenda
                        delegate: AgendaItemDelegate {
                            selected: root.wide && sessionId.length > 0 && sessionId === root.selectedSessionId
                            timelineStart: list.startMinute
                            pxPerMinute: root.pxPerMinute
                            areaX: list.labelWidth + 4
                            areaWidth: timeline.width - list.labelWidth - 12
                            onClicked: {
                                if (kind === AgendaModel.Personal)
                                    editor.openFor(personalId)
                                else if (sessionId.length > 0 && !vanished)
                                    root.sessionClicked(sessionId)
                            }
                            onFixClicked: root.agenda.fixConflict(key)
                            onRemoveClicked: root.agenda.removeFavourite(sessionId)
                            onReminderToggled: (on) => root.agenda.setReminderOn(key, on)
                        }
                    }
                    Item {
                        objectName: "nowLine"
                        visible: list.nowMinute >= list.startMinute && list.nowMinute <= list.endMinute
                        z: 3
                        x: list.labelWidth - 6
                        y: (list.nowMinute - list.startMinute) * root.pxPerMinute - 1
                        width: timeline.width - x - 4
                        height: 2
                        Rectangle {
                            anchors.fill: parent
                            color: "#e53935"
                        }
                        Rectangle {
                            anchors.verticalCenter: parent.verticalCenter
                            width: 10
                            height: 10
                            radius: 5
                            color: "#e53935"
                        }
                    }
                }
                ScrollIndicator.vertical: ScrollIndicator {}
            }
            EmptyState {
                parent: list
                anchors.centerIn: parent
                width: Math.min(list.width - 48, 360)
                visible: root.agenda && root.agenda.count === 0
                symbol: "☆"
                title: root.agenda && root.agenda.totalCount > 0 ? qsTr("Nothing on this day")
                                                                 : qsTr("Your agenda is empty")
                detail: qsTr("Star sessions in the schedule and they show up here, day by day.")
                actionText: qsTr("Browse the schedule")
                onActionTriggered: root.browseRequested()
            }
        }
        Rectangle {
            visible: root.wide
            Layout.fillHeight: true
            implicitWidth: 1
            color: root.Material.dividerColor
        }
        DetailLoader {
            active: root.wide
            visible: root.wide
            Layout.fillWidth: true
            Layout.fillHeight: true
            controller: root.controller
            sessionId: root.selectedSessionId
            onSpeakerClicked: (id) => root.speakerClicked(id)
            onSessionClicked: (id) => root.sessionClicked(id)
        }
    }
}
