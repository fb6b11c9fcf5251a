import QtQuick
import QtQuick.Layouts
import QtQuick.Controls.Material
import QtQuick.Templates as T
import Plenary.Models

// The app's frame: header with the conference and the time-zone toggle, navigation (bottom bar when
// narrow, side rail when wide), the tab pages, and pushed detail pages. What start-up shows is built on the
// templates with Material colours: each Material control is one more QML file for the loader to read first.
T.Page {
    id: root

    property ConferenceController controller
    property AppSettings settings
    readonly property bool wide: width >= 900
    property int currentTab: 0
    // Tabs are created when first shown (bit i = tab i), so start-up builds only the schedule.
    property int visitedTabs: 1
    // The session beside the list in the wide layout, one per tab with a detail pane (schedule, agenda): the
    // agenda's pane shows an agenda item, never what was picked in the schedule.
    property string scheduleSessionId
    property string agendaSessionId
    readonly property string detailSessionId: root.currentTab === 4 ? root.agendaSessionId : root.scheduleSessionId
    readonly property int depth: stack.depth
    readonly property var destinations: [
        { name: qsTr("Schedule"), shortName: qsTr("Schedule"), symbol: "☰" },
        { name: qsTr("Now and next"), shortName: qsTr("Now"), symbol: "◷" },
        { name: qsTr("Speakers"), shortName: qsTr("Speakers"), symbol: "☺" },
        { name: qsTr("Venue"), shortName: qsTr("Venue"), symbol: "⌂" },
        { name: qsTr("My agenda"), shortName: qsTr("Agenda"), symbol: "★" },
        { name: qsTr("Settings"), shortName: qsTr("Settings"), symbol: "⚙" }
    ]
    // The tabs' names for showPage(), in destination order.
    readonly property var tabNames: ["schedule", "now", "speakers", "venue", "agenda", "settings"]

    function showTab(index) {
        stack.pop(null)
        // The tab first: a page made by the next line may already open a session in its pane.
        root.currentTab = index
        root.visitedTabs |= 1 << index
    }
    function openSession(sessionId) {
        if (sessionId.length === 0)
            return
        if (root.wide && stack.depth === 1 && root.currentTab === 0)
            root.scheduleSessionId = sessionId
        else if (root.wide && stack.depth === 1 && root.currentTab === 4)
            root.agendaSessionId = sessionId
        else
            stack.push(Qt.resolvedUrl("routes/SessionDetail.qml"), { sessionId: sessionId, links: pageLinks })
    }
    function openSpeaker(speakerId) {
        stack.push(Qt.resolvedUrl("routes/SpeakerDetail.qml"), { speakerId: speakerId, links: pageLinks })
    }
    function openConferences() {
        stack.push(Qt.resolvedUrl("routes/ConferencesDetail.qml"), { links: pageLinks })
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
        const tab = root.tabNames.indexOf(name)
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
    background: Rectangle {
        color: root.Material.backgroundColor
    }

    header: T.ToolBar {
        id: toolBar
        // Flat: a shadow would be a shader effect, which the software renderer cannot draw.
        Material.foreground: "#ffffff"
        implicitWidth: Math.max(implicitBackgroundWidth + leftInset + rightInset, contentWidth + leftPadding + rightPadding)
        implicitHeight: Math.max(implicitBackgroundHeight + topInset + bottomInset, contentHeight + topPadding + bottomPadding)
        background: Rectangle {
            implicitHeight: 48
            color: toolBar.Material.primary
        }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: stack.depth > 1 ? 0 : 16
            anchors.rightMargin: 4
            spacing: 4
            // Made when first needed: a hidden button still loads its big font at start-up.
            Loader {
                id: backButton
                active: stack.depth > 1
                visible: stack.depth > 1
                source: "components/BackButton.qml"
                Connections {
                    target: backButton.item
                    function onClicked() {
                        root.back()
                    }
                }
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: 0
                Text {
                    Layout.fillWidth: true
                    color: toolBar.Material.foreground
                    text: stack.depth > 1 && (stack.currentItem as T.Page) ? (stack.currentItem as T.Page).title
                          : root.controller.title.length > 0 ? root.controller.title : qsTr("Plenary")
                    font.pixelSize: 16
                    font.weight: Font.DemiBold
                    elide: Text.ElideRight
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Text {
                    Layout.fillWidth: true
                    visible: stack.depth === 1 && text.length > 0
                    color: toolBar.Material.foreground
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

    // Only the navigation the layout shows is made: the bar when narrow, the rail when wide. Both are declared
    // here, so the loader thread compiles them with the rest; their state is bound once made.
    Component {
        id: navBarComponent
        NavBar {}
    }
    Component {
        id: navRailComponent
        NavRail {}
    }
    footer: NavLoader {
        active: !root.wide
        visible: active
        sourceComponent: navBarComponent
        currentIndex: root.currentTab
        destinations: root.destinations
        onSelected: (index) => root.showTab(index)
    }

    RowLayout {
        anchors.fill: parent
        // Due reminders take their own room above the page, so they never cover its controls.
        anchors.topMargin: reminderStack.item ? reminderStack.height : 0
        spacing: 0

        NavLoader {
            active: root.wide
            visible: active
            Layout.fillHeight: true
            sourceComponent: navRailComponent
            currentIndex: root.currentTab
            destinations: root.destinations
            onSelected: (index) => root.showTab(index)
        }
        T.StackView {
            id: stack
            Layout.fillWidth: true
            Layout.fillHeight: true
            initialItem: tabs
            // Material's slide and fade, on the template: the Material StackView is one more QML file at start-up.
            pushEnter: Transition {
                NumberAnimation { property: "x"; from: (stack.mirrored ? -0.5 : 0.5) * stack.width; to: 0; duration: 200; easing.type: Easing.OutCubic }
                NumberAnimation { property: "opacity"; from: 0.0; to: 1.0; duration: 200; easing.type: Easing.OutCubic }
            }
            pushExit: Transition {
                NumberAnimation { property: "x"; from: 0; to: (stack.mirrored ? -0.5 : 0.5) * -stack.width; duration: 200; easing.type: Easing.OutCubic }
                NumberAnimation { property: "opacity"; from: 1.0; to: 0.0; duration: 200; easing.type: Easing.OutCubic }
            }
            popEnter: Transition {
                NumberAnimation { property: "x"; from: (stack.mirrored ? -0.5 : 0.5) * -stack.width; to: 0; duration: 200; easing.type: Easing.OutCubic }
                NumberAnimation { property: "opacity"; from: 0.0; to: 1.0; duration: 200; easing.type: Easing.OutCubic }
            }
            popExit: Transition {
                NumberAnimation { property: "x"; from: 0; to: (stack.mirrored ? -0.5 : 0.5) * stack.width; duration: 200; easing.type: Easing.OutCubic }
                NumberAnimation { property: "opacity"; from: 1.0; to: 0.0; duration: 200; easing.type: Easing.OutCubic }
            }
            replaceEnter: Transition {
                NumberAnimation { property: "x"; from: (stack.mirrored ? -0.5 : 0.5) * stack.width; to: 0; duration: 200; easing.type: Easing.OutCubic }
                NumberAnimation { property: "opacity"; from: 0.0; to: 1.0; duration: 200; easing.type: Easing.OutCubic }
            }
            replaceExit: Transition {
                NumberAnimation { property: "x"; from: 0; to: (stack.mirrored ? -0.5 : 0.5) * -stack.width; duration: 200; easing.type: Easing.OutCubic }
                NumberAnimation { property: "opacity"; from: 1.0; to: 0.0; duration: 200; easing.type: Easing.OutCubic }
            }
        }
    }

    StackLayout {
        id: tabs
        currentIndex: root.currentTab

        SchedulePage {
            id: schedule
            controller: root.controller
            wide: root.wide
            selectedSessionId: root.scheduleSessionId
            onSessionClicked: (id) => root.openSession(id)
            onSpeakerClicked: (id) => root.openSpeaker(id)
        }
        // The other tabs load their pages by URL when first shown, so start-up does not even compile them.
        TabLoader {
            active: (root.visitedTabs & 1 << 1) !== 0
            source: "routes/NowNextTab.qml"
            controller: root.controller
            onSessionClicked: (id) => root.openSession(id)
        }
        TabLoader {
            active: (root.visitedTabs & 1 << 2) !== 0
            source: "routes/SpeakersTab.qml"
            controller: root.controller
            onSpeakerClicked: (id) => root.openSpeaker(id)
        }
        TabLoader {
            active: (root.visitedTabs & 1 << 3) !== 0
            source: "routes/VenueTab.qml"
            controller: root.controller
            onSessionClicked: (id) => root.openSession(id)
        }
        TabLoader {
            active: (root.visitedTabs & 1 << 4) !== 0
            source: "routes/AgendaTab.qml"
            controller: root.controller
            wide: root.wide
            selectedSessionId: root.agendaSessionId
            onSessionClicked: (id) => root.openSession(id)
            onSpeakerClicked: (id) => root.openSpeaker(id)
            onBrowseRequested: root.showTab(0)
        }
        TabLoader {
            active: (root.visitedTabs & 1 << 5) !== 0
            source: "routes/SettingsTab.qml"
            controller: root.controller
            settings: root.settings
            onConferencesRequested: root.openConferences()
        }
    }

    // Detail pages are pushed by URL with pageLinks, so their types are compiled when first opened.
    PageLinks {
        id: pageLinks
        controller: root.controller
        onSessionRequested: (id) => stack.push(Qt.resolvedUrl("routes/SessionDetail.qml"),
                                               { sessionId: id, links: pageLinks })
        onSpeakerRequested: (id) => root.openSpeaker(id)
        onConferenceOpened: root.showTab(0)
    }

    // The reminders and the promotion banner are made when there is something to show, not at start-up.
    Loader {
        id: reminderStack
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        active: root.controller.reminders.banners.length > 0
        // By URL, so start-up does not compile the banners.
        source: "components/ReminderStack.qml"
        onLoaded: reminderStack.item.objectName = "reminderBanner"
        Binding {
            target: reminderStack.item
            property: "banners"
            value: root.controller.reminders.banners
            when: reminderStack.item !== null
        }
        Connections {
            target: reminderStack.item
            function onDismissed(key) {
                root.controller.reminders.dismiss(key)
            }
            function onSnoozed(key) {
                root.controller.reminders.snooze(key, 5)
            }
            function onDismissedAll() {
                root.controller.reminders.dismissBanner()
            }
        }
    }

    Loader {
        id: promotedBanner
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        z: 10
        active: SeatsController.promotionText.length > 0
        source: "components/ReminderBanner.qml"
        onLoaded: promotedBanner.item.objectName = "promotedBanner"
        Binding {
            target: promotedBanner.item
            property: "text"
            value: SeatsController.promotionText
            when: promotedBanner.item !== null
        }
        Connections {
            target: promotedBanner.item
            function onDismissed() {
                SeatsController.clearPromotion()
            }
        }
    }

    Shortcut {
        // Key names rather than StandardKey, which Qt 6.4's qmllint does not know (Find and Back on Linux).
        sequences: ["Ctrl+F"]
        onActivated: root.focusSearch()
    }
    Shortcut {
        sequences: ["Esc", "Alt+Left", "Back"]
        onActivated: root.back()
    }
}
