import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import QtQuick.Templates as T
import Plenary.Models
import Plenary.Ui

// The schedule: search, day tabs, filter chips and the session list (with the details beside it when wide).
// The first page shown, so it and what it shows at start-up are built on the templates (QtQuick.Templates)
// with the Material colours: each Material control is a QML file with its own imports for the QML loader.
T.Page {
    id: root

    property ConferenceController controller
    property bool wide: false
    property string selectedSessionId
    readonly property alias filter: sessionFilter
    readonly property alias list: sessionList

    signal sessionClicked(string sessionId)
    signal speakerClicked(string speakerId)

    function focusSearch() {
        search.forceActiveFocus()
        search.selectAll()
    }
    function startAtTop() {
        sessionList.currentIndex = sessionFilter.count > 0 ? 0 : -1
        sessionList.positionViewAtBeginning()
    }
    function showNow() {
        if (root.controller.todayIndex >= 0)
            dayTabs.currentIndex = root.controller.todayIndex
        const row = sessionFilter.rowForTime(root.controller.clock.now)
        sessionList.currentIndex = row
        sessionList.positionViewAtIndex(row, ListView.Beginning)
    }

    implicitWidth: Math.max(implicitBackgroundWidth + leftInset + rightInset, contentWidth + leftPadding + rightPadding)
    implicitHeight: Math.max(implicitBackgroundHeight + topInset + bottomInset, contentHeight + topPadding + bottomPadding)
    title: qsTr("Schedule")
    Accessible.name: qsTr("Schedule")
    background: Rectangle {
        color: root.Material.backgroundColor
    }

    SessionFilterProxyModel {
        id: sessionFilter
        sourceModel: root.controller ? root.controller.sessions : null
        day: search.text.length > 0 ? -1 : dayTabs.currentIndex
        query: search.text
        // Another day or another search starts at the top; the rows that stay keep their delegates.
        onDayChanged: root.startAtTop()
        onQueryChanged: root.startAtTop()
    }

    // Runs once the list has laid out the day just picked.
    Timer {
        id: afterLayout
        property bool jumpToNow: false
        interval: 0
        onTriggered: {
            if (afterLayout.jumpToNow)
                root.showNow()
            root.fillDetails()
        }
    }

    // Opens on today's sessions during the conference, on the first day otherwise.
    function showToday() {
        dayTabs.currentIndex = Math.max(0, root.controller.todayIndex)
        afterLayout.jumpToNow = root.controller.todayIndex >= 0
        afterLayout.restart()
    }
    // The wide layout never shows an empty detail pane when there is a session to show.
    function fillDetails() {
        if (root.wide && root.selectedSessionId.length === 0 && sessionFilter.count > 0)
            root.sessionClicked(sessionFilter.sessionIdAt(Math.max(0, sessionList.currentIndex)))
    }
    onWideChanged: root.fillDetails()

    Connections {
        target: root.controller
        function onConferenceChanged() {
            root.showToday()
        }
    }
    Component.onCompleted: root.showToday()

    RowLayout {
        anchors.fill: parent
        spacing: 0

        ColumnLayout {
            Layout.fillHeight: true
            Layout.fillWidth: !root.wide
            Layout.preferredWidth: root.wide ? Math.min(480, root.width * 0.45) : -1
            spacing: 0

            SearchField {
                id: search
                objectName: "scheduleSearch"
                Layout.fillWidth: true
                Layout.leftMargin: 12
                Layout.rightMargin: 12
                Layout.topMargin: 8
                placeholderText: qsTr("Search sessions, speakers, rooms")
                Keys.onDownPressed: sessionList.forceActiveFocus()
                onAccepted: sessionList.forceActiveFocus()
            }
            DayTabs {
                id: dayTabs
                Layout.fillWidth: true
                visible: search.text.length === 0 && root.controller.days.length > 1
                days: root.controller.days
            }
            Text {
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.topMargin: 6
                visible: search.text.length > 0
                text: sessionFilter.count === 1 ? qsTr("1 result on all days")
                                                : qsTr("%1 results on all days").arg(sessionFilter.count)
                font.pixelSize: 12
                color: root.Material.hintTextColor
            }
            FilterBar {
                Layout.fillWidth: true
                filter: sessionFilter
                controller: root.controller
            }
            Rectangle {
                Layout.fillWidth: true
                implicitHeight: 1
                color: root.Material.dividerColor
            }
            Item {
                Layout.fillWidth: true
                Layout.fillHeight: true

                SessionList {
                    id: sessionList
                    objectName: "scheduleList"
                    anchors.fill: parent
                    focus: true
                    model: sessionFilter
                    controller: root.controller
                    showDay: sessionFilter.day < 0
                    selectedSessionId: root.wide ? root.selectedSessionId : ""
                    onSessionClicked: (id) => root.sessionClicked(id)
                }
                EmptyState {
                    objectName: "scheduleEmptyState"
                    anchors.centerIn: parent
                    width: Math.min(parent.width - 48, 360)
                    // Not while the conference is still being read at start-up: the list is empty only until then.
                    visible: sessionFilter.count === 0 && !root.controller.loading
                    symbol: "⌕"
                    title: qsTr("No sessions match")
                    detail: search.text.length > 0 ? qsTr("Nothing contains “%1”.").arg(search.text) : ""
                    actionText: qsTr("Clear filters")
                    onActionTriggered: {
                        sessionFilter.clearFilters()
                        search.clear()
                    }
                }
                PrimaryButton {
                    anchors.right: parent.right
                    anchors.bottom: parent.bottom
                    anchors.margins: 16
                    visible: sessionFilter.count > 0
                    text: qsTr("◷  Now")
                    Accessible.name: qsTr("Jump to the sessions happening now")
                    onClicked: root.showNow()
                }
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
