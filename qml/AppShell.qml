import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Plenary.Models

// The app's frame: header with the conference and the time-zone toggle, navigation (bottom bar when
// narrow, side rail when wide), the tab pages, and pushed detail pages.
Page {
    id: root

    property ConferenceController controller
    property AppSettings settings
    readonly property bool wide: width >= 900
    property int currentTab: 0
    property string detailSessionId
    readonly property int depth: stack.depth
    readonly property var destinations: [
        { name: qsTr("Schedule"), shortName: qsTr("Schedule"), symbol: "☰" },
        { name: qsTr("Now and next"), shortName: qsTr("Now"), symbol: "◷" },
        { name: qsTr("Speakers"), shortName: qsTr("Speakers"), symbol: "☺" },
        { name: qsTr("Venue"), shortName: qsTr("Venue"), symbol: "⌂" },
        { name: qsTr("My agenda"), shortName: qsTr("Agenda"), symbol: "★" },
        { name: qsTr("Settings"), shortName: qsTr("Settings"), symbol: "⚙" }
    ]

    function showTab(index) {
        stack.pop(null)
        root.currentTab = index
    }
    function openSession(sessionId) {
        if (sessionId.length === 0)
            return
        if (root.wide && stack.depth === 1 && (root.currentTab === 0 || root.currentTab === 4))
            root.detailSessionId = sessionId
        else
            stack.push(sessionPage, { sessionId: sessionId })
    }
    function openSpeaker(speakerId) {
        stack.push(speakerPage, { speakerId: speakerId })
    }
    function openConferences() {
        stack.push(conferencesPage)
    }
    function back() {
        if (stack.depth > 1) {
            stack.pop()
            return true
        }
        if (root.currentTab !== 0) {
            root.showTab(0)
            return true
        }
        return false
    }
    function focusSearch() {
        root.showTab(0)
        schedule.focusSearch()
    }
    // Opens a page by name, for --page and the self-test: schedule, now, speakers, venue, agenda, settings,
    // conferences, session:<id>, speaker:<id>. Returns false for an unknown name.
    function showPage(name) {
        const tabs = ["schedule", "now", "speakers", "venue", "agenda", "settings"]
        const tab = tabs.indexOf(name)
        if (tab >= 0) {
            root.showTab(tab)
            return true
        }
        if (name === "conferences") {
            root.showTab(5)
            root.openConferences()
            return true
        }
        if (name.startsWith("session:")) {
            root.showTab(0)
            root.openSession(name.substring(8))
            return true
        }
        if (name.startsWith("speaker:")) {
            root.showTab(2)
            root.openSpeaker(name.substring(8))
            return true
        }
        return false
    }

    Accessible.name: qsTr("Plenary")

    header: ToolBar {
        // No elevation: its shadow is a shader effect, which the software renderer cannot draw.
        Material.elevation: 0
        Material.foreground: "#ffffff"
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: stack.depth > 1 ? 0 : 16
            anchors.rightMargin: 4
            spacing: 4
            ToolButton {
                visible: stack.depth > 1
                text: "‹"
                font.pixelSize: 28
                Accessible.name: qsTr("Back")
                onClicked: root.back()
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Label {
                    Layout.fillWidth: true
                    text: stack.depth > 1 && stack.currentItem ? (stack.currentItem.title ?? "")
                          : root.controller.title.length > 0 ? root.controller.title : qsTr("Plenary")
                    font.pixelSize: 16
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Label {
                    Layout.fillWidth: true
                    visible: stack.depth === 1 && text.length > 0
                    text: root.controller.venueName
                    font.pixelSize: 12
                    opacity: 0.75
                    elide: Text.ElideRight
                }
            }
            OnlineIndicator {
                objectName: "onlineIndicator"
            }
            TimeZoneToggle {
                timeZone: root.controller.timeZone
            }
        }
    }

    footer: NavBar {
        visible: !root.wide
        currentIndex: root.currentTab
        destinations: root.destinations
        onSelected: (index) => root.showTab(index)
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        NavRail {
            visible: root.wide
            Layout.fillHeight: true
            currentIndex: root.currentTab
            destinations: root.destinations
            onSelected: (index) => root.showTab(index)
        }
        StackView {
            id: stack
            Layout.fillWidth: true
            Layout.fillHeight: true
            initialItem: tabs
        }
    }

    StackLayout {
        id: tabs
        currentIndex: root.currentTab

        SchedulePage {
            id: schedule
            controller: root.controller
            wide: root.wide
            selectedSessionId: root.detailSessionId
            onSessionClicked: (id) => root.openSession(id)
            onSpeakerClicked: (id) => root.openSpeaker(id)
        }
        NowNextPage {
            controller: root.controller
            onSessionClicked: (id) => root.openSession(id)
        }
        SpeakersPage {
            controller: root.controller
            onSpeakerClicked: (id) => root.openSpeaker(id)
        }
        VenuePage {
            controller: root.controller
            onSessionClicked: (id) => root.openSession(id)
        }
        AgendaPage {
            controller: root.controller
            wide: root.wide
            selectedSessionId: root.detailSessionId
            onSessionClicked: (id) => root.openSession(id)
            onSpeakerClicked: (id) => root.openSpeaker(id)
            onBrowseRequested: root.showTab(0)
        }
        SettingsPage {
            controller: root.controller
            settings: root.settings
            onConferencesRequested: root.openConferences()
        }
    }

    Component {
        id: sessionPage
        SessionPage {
            controller: root.controller
            onSpeakerClicked: (id) => root.openSpeaker(id)
            onSessionClicked: (id) => stack.push(sessionPage, { sessionId: id })
        }
    }
    Component {
        id: speakerPage
        SpeakerPage {
            controller: root.controller
            onSessionClicked: (id) => stack.push(sessionPage, { sessionId: id })
        }
    }
    Component {
        id: conferencesPage
        ConferencesPage {
            controller: root.controller
            onConferenceOpened: root.showTab(0)
        }
    }

    ReminderBanner {
        objectName: "reminderBanner"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        z: 10
        text: root.controller.reminders.banner
        onDismissed: root.controller.reminders.dismissBanner()
    }

    ReminderBanner {
        id: promotedBanner
        objectName: "promotedBanner"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        z: 10
        onDismissed: promotedBanner.text = ""
        Connections {
            target: SeatsController
            function onPromoted(sessionId, title) {
                promotedBanner.text = qsTr("You have a seat in “%1”: you moved up from the waitlist.").arg(title)
            }
        }
    }

    Shortcut {
        sequences: [StandardKey.Find]
        onActivated: root.focusSearch()
    }
    Shortcut {
        sequences: ["Esc", StandardKey.Back]
        onActivated: root.back()
    }
}
