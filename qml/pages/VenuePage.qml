import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Plenary.Models
import Plenary.Ui

// The venue floor by floor, each room with what is on now and next.
Page {
    id: root

    property ConferenceController controller

    signal sessionClicked(string sessionId)

    title: qsTr("Venue")
    Accessible.name: qsTr("Venue")

    ListView {
        id: list
        anchors.fill: parent
        clip: true
        keyNavigationEnabled: true
        activeFocusOnTab: true
        model: root.controller.venue
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Rooms by floor")
        section.property: "floorName"
        section.criteria: ViewSection.FullString
        section.labelPositioning: ViewSection.InlineLabels | ViewSection.CurrentLabelAtStart
        section.delegate: SectionHeader {
            id: floorLabel
            required property string section
            text: floorLabel.section
        }

        header: ColumnLayout {
            id: venueHeader
            // The header reaches the venue through the attached view: Qt 6.4's qmllint cannot follow ids into it.
            readonly property VenueModel venue: venueHeader.ListView.view ? venueHeader.ListView.view.model as VenueModel : null
            width: venueHeader.ListView.view ? venueHeader.ListView.view.width : implicitWidth
            spacing: 2
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                Layout.topMargin: 12
                text: venueHeader.venue ? venueHeader.venue.venueName : ""
                visible: text.length > 0
                font.pixelSize: 18
                font.weight: Font.Bold
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                Layout.bottomMargin: 8
                text: venueHeader.venue ? venueHeader.venue.venueAddress : ""
                visible: text.length > 0
                color: venueHeader.Material.hintTextColor
                wrapMode: Text.Wrap
            }
        }
        delegate: RoomDelegate {
            onSessionClicked: (id) => {
                if (id.length > 0)
                    root.sessionClicked(id)
            }
        }
        Keys.onReturnPressed: list.currentItem && (list.currentItem as AbstractButton).clicked()
        ScrollBar.vertical: AppScrollBar {}
    }
    EmptyState {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 360)
        visible: list.count === 0
        symbol: "⌂"
        title: qsTr("This schedule lists no rooms")
    }
}
