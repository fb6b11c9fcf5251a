import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Plenary.Models
import Plenary.Ui

// Speakers A–Z with search.
Page {
    id: root

    property ConferenceController controller

    signal speakerClicked(string speakerId)

    title: qsTr("Speakers")
    Accessible.name: qsTr("Speakers")

    SpeakerFilterProxyModel {
        id: speakerFilter
        sourceModel: root.controller ? root.controller.speakers : null
        query: search.text
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        SearchField {
            id: search
            Layout.fillWidth: true
            Layout.margins: 12
            Layout.bottomMargin: 4
            placeholderText: qsTr("Search speakers and companies")
            Keys.onDownPressed: list.forceActiveFocus()
            onAccepted: list.forceActiveFocus()
        }
        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true

            ActionList {
                id: list
                anchors.fill: parent
                clip: true
                keyNavigationEnabled: true
                activeFocusOnTab: true
                reuseItems: true
                model: speakerFilter
                Accessible.role: Accessible.List
                Accessible.name: qsTr("Speakers")
                section.property: "letter"
                section.criteria: ViewSection.FullString
                section.labelPositioning: ViewSection.InlineLabels | ViewSection.CurrentLabelAtStart
                section.delegate: SectionHeader {
                    id: letterLabel
                    required property string section
                    text: letterLabel.section
                }
                delegate: SpeakerDelegate {
                    id: speakerRow
                    onClicked: {
                        const speakers = speakerRow.ListView.view as ActionList
                        speakers.currentIndex = speakerRow.index
                        speakers.activated("open", speakerRow.speakerId)
                    }
                }
                onActivated: (action, value) => root.speakerClicked(value)
                Keys.onReturnPressed: list.currentItem && (list.currentItem as AbstractButton).clicked()
                ScrollBar.vertical: AppScrollBar {}
            }
            EmptyState {
                anchors.centerIn: parent
                width: Math.min(parent.width - 48, 360)
                visible: speakerFilter.count === 0
                symbol: "☺"
                title: search.text.length > 0 ? qsTr("No speaker matches") : qsTr("No speakers listed")
                actionText: search.text.length > 0 ? qsTr("Clear search") : ""
                onActionTriggered: search.clear()
            }
        }
    }
}
