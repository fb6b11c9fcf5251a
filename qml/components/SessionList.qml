import QtQuick
import QtQuick.Templates as T
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
    section.labelPositioning: ViewSection.InlineLabels
    section.delegate: SectionHeader {
        id: sectionLabel
        required property string section
        text: sectionLabel.section
    }

    footer: Item {
        width: ListView.view ? ListView.view.width : 0
        height: 72
    }

    delegate: SessionDelegate {
        id: row
        // Delegates reach the list through the attached view: Qt 6.4's qmllint cannot follow ids into them.
        readonly property SessionList list: row.ListView.view as SessionList
        selected: row.list ? row.list.selectedSessionId === row.sessionId : false
        onClicked: {
            row.list.currentIndex = row.index
            row.list.sessionClicked(row.sessionId)
        }
        onStarClicked: row.list.controller.agenda.toggle(row.sessionId)
    }

    // The sticky label: the section at the top of the view, over the inline label it has scrolled past.
    SectionHeader {
        parent: root
        z: 2
        width: root.width
        text: root.currentSection
        visible: root.currentSection.length > 0
                 && root.contentY - root.originY > (root.headerItem ? root.headerItem.height : 0)
    }

    Keys.onReturnPressed: root.sessionClicked(root.model.sessionIdAt(root.currentIndex))
    Keys.onEnterPressed: root.sessionClicked(root.model.sessionIdAt(root.currentIndex))
    Keys.onSpacePressed: root.controller.agenda.toggle(root.model.sessionIdAt(root.currentIndex))

    T.ScrollBar.vertical: AppScrollBar {}
}
