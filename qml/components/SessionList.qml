import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Plenary.Models
import Plenary.Ui

// A list of sessions with sticky time headers; arrows move, Enter opens, the star toggles the agenda.
ListView {
    id: root

    property ConferenceController controller
    property bool showDay: false
    property string selectedSessionId

    signal sessionClicked(string sessionId)

    clip: true
    keyNavigationEnabled: true
    activeFocusOnTab: true
    boundsBehavior: Flickable.StopAtBounds
    reuseItems: true
    Accessible.role: Accessible.List
    Accessible.name: qsTr("Sessions")

    section.property: root.showDay ? "daySlot" : "timeSlot"
    section.criteria: ViewSection.FullString
    section.labelPositioning: ViewSection.InlineLabels | ViewSection.CurrentLabelAtStart
    // `section` is the context property ListView keeps current on the sticky label (a required property
    // would keep the label's first value).
    section.delegate: SectionHeader {
        text: section
    }

    footer: Item {
        width: root.width
        height: 72
    }

    delegate: SessionDelegate {
        selected: root.selectedSessionId === sessionId
        onClicked: {
            root.currentIndex = index
            root.sessionClicked(sessionId)
        }
        onStarClicked: root.controller.agenda.toggle(sessionId)
    }

    Keys.onReturnPressed: root.sessionClicked(root.model.sessionIdAt(root.currentIndex))
    Keys.onEnterPressed: root.sessionClicked(root.model.sessionIdAt(root.currentIndex))
    Keys.onSpacePressed: root.controller.agenda.toggle(root.model.sessionIdAt(root.currentIndex))

    ScrollBar.vertical: ScrollBar {}
}
