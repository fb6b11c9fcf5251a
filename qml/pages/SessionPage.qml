import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Plenary.Models
import Plenary.Ui

// Everything about one session, with the agenda button and its live seats and reservation.
Page {
    id: root

    property ConferenceController controller
    property string sessionId

    signal speakerClicked(string speakerId)
    signal sessionClicked(string sessionId)

    title: details.title
    Accessible.name: details.title

    SessionDetails {
        id: details
        controller: root.controller
        sessionId: root.sessionId
    }

    EmptyState {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 360)
        visible: !details.valid
        symbol: "☰"
        title: root.sessionId.length > 0 ? qsTr("This session is no longer in the schedule") : qsTr("Pick a session")
        detail: root.sessionId.length > 0 ? "" : qsTr("Its details show here.")
    }

    Flickable {
        id: flick
        anchors.fill: parent
        visible: details.valid
        contentHeight: column.implicitHeight + 32
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: AppScrollBar {}

        ColumnLayout {
            id: column
            x: 20
            y: 16
            width: flick.width - 40
            spacing: 12

            RowLayout {
                spacing: 8
                Rectangle {
                    visible: details.trackName.length > 0
                    implicitWidth: 10
                    implicitHeight: 10
                    radius: 5
                    color: details.trackColor.length > 0 ? details.trackColor : "transparent"
                }
                Label {
                    visible: details.trackName.length > 0
                    text: details.trackName
                    font.pixelSize: 13
                    color: root.Material.hintTextColor
                }
                Badge {
                    text: details.typeText
                }
                Badge {
                    visible: details.level.length > 0
                    text: details.level
                    tint: "#00897b"
                }
            }
            Label {
                Layout.fillWidth: true
                text: details.title
                font.pixelSize: 22
                font.weight: Font.Bold
                wrapMode: Text.Wrap
                Accessible.role: Accessible.Heading
                Accessible.name: details.title
            }
            Label {
                Layout.fillWidth: true
                visible: details.subtitle.length > 0
                text: details.subtitle
                font.pixelSize: 15
                wrapMode: Text.Wrap
            }

            InfoRow {
                Layout.fillWidth: true
                symbol: "◷"
                text: qsTr("%1 · %2 %3").arg(details.dayText).arg(details.timeText).arg(details.zoneText)
                detail: qsTr("%1 min").arg(details.durationMinutes)
            }
            InfoRow {
                Layout.fillWidth: true
                symbol: "⌂"
                text: details.floorName.length > 0 ? qsTr("%1 · %2").arg(details.roomName).arg(details.floorName)
                                                   : details.roomName
                detail: details.roomAddress.length > 0 ? details.roomAddress : details.roomDescription
            }
            SeatPanel {
                Layout.fillWidth: true
                sessionId: root.sessionId
                registrationRequired: details.registrationRequired
            }
            InfoRow {
                Layout.fillWidth: true
                visible: details.languagesText.length > 0
                symbol: "Aa"
                text: details.languagesText
            }

            Pane {
                id: conflictBanner
                objectName: "conflictBanner"
                // totalCount changes whenever the agenda does, so the text is asked for again then.
                readonly property string text: root.controller && root.controller.agendaItems.totalCount >= 0
                                               ? root.controller.agendaItems.conflictTextForSession(root.sessionId) : ""
                Layout.fillWidth: true
                visible: conflictBanner.text.length > 0
                readonly property bool dark: conflictBanner.Material.theme === Material.Dark
                padding: 10
                // A warm tint of the page in the dark theme, not a light block on it.
                Material.background: conflictBanner.dark ? Qt.tint(root.Material.backgroundColor, Qt.alpha("#ef6c00", 0.16))
                                                         : "#fff3e0"
                Material.elevation: 0
                Label {
                    width: parent.width
                    text: "⚠ " + conflictBanner.text
                    color: conflictBanner.dark ? "#ffb74d" : "#e65100"
                    wrapMode: Text.Wrap
                }
            }

            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                PrimaryButton {
                    Layout.fillWidth: true
                    filled: !details.inAgenda
                    text: details.inAgenda ? qsTr("★  Remove from my agenda") : qsTr("☆  Add to my agenda")
                    Accessible.name: details.inAgenda ? qsTr("Remove from my agenda") : qsTr("Add to my agenda")
                    onClicked: details.toggleAgenda()
                }
            }

            Label {
                visible: details.speakers.length > 0
                text: qsTr("Speakers")
                font.pixelSize: 13
                font.weight: Font.Bold
                color: root.Material.accent
                Accessible.role: Accessible.Heading
            }
            ActionList {
                Layout.fillWidth: true
                Layout.preferredHeight: contentHeight
                interactive: false
                model: details.speakers
                onActivated: (action, speakerId) => root.speakerClicked(speakerId)
                delegate: ItemDelegate {
                    id: speakerItem
                    required property var modelData
                    width: speakerItem.ListView.view ? speakerItem.ListView.view.width : implicitWidth
                    leftPadding: 0
                    Accessible.name: speakerItem.modelData.name
                    onClicked: (speakerItem.ListView.view as ActionList).activated("open", speakerItem.modelData.id)
                    contentItem: RowLayout {
                        spacing: 12
                        Avatar {
                            initials: speakerItem.modelData.initials
                            size: 36
                        }
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 0
                            Label {
                                Layout.fillWidth: true
                                text: speakerItem.modelData.name
                                elide: Text.ElideRight
                            }
                            Label {
                                Layout.fillWidth: true
                                visible: text.length > 0
                                text: speakerItem.modelData.company
                                font.pixelSize: 12
                                color: speakerItem.Material.hintTextColor
                                elide: Text.ElideRight
                            }
                        }
                    }
                }
            }

            Label {
                text: qsTr("About")
                visible: details.abstractHtml.length > 0
                font.pixelSize: 13
                font.weight: Font.Bold
                color: root.Material.accent
                Accessible.role: Accessible.Heading
            }
            Text {
                Layout.fillWidth: true
                text: details.abstractHtml
                textFormat: Text.RichText
                wrapMode: Text.Wrap
                color: root.Material.foreground
                linkColor: root.Material.accent
                font.pixelSize: 15
                lineHeight: 1.15
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("Abstract")
                onLinkActivated: (link) => Qt.openUrlExternally(link)
            }

            Flow {
                Layout.fillWidth: true
                visible: details.tags.length > 0
                spacing: 6
                Repeater {
                    model: details.tags
                    delegate: Badge {
                        id: tag
                        required property string modelData
                        text: "#" + tag.modelData
                        tint: tag.Material.hintTextColor
                    }
                }
            }

            Label {
                visible: details.otherOccurrences.length > 0
                text: qsTr("Also held")
                font.pixelSize: 13
                font.weight: Font.Bold
                color: root.Material.accent
            }
            ActionList {
                Layout.fillWidth: true
                Layout.preferredHeight: contentHeight
                interactive: false
                model: details.otherOccurrences
                onActivated: (action, sessionId) => root.sessionClicked(sessionId)
                delegate: ItemDelegate {
                    id: occurrence
                    required property var modelData
                    width: occurrence.ListView.view ? occurrence.ListView.view.width : implicitWidth
                    leftPadding: 0
                    text: occurrence.modelData.text
                    Accessible.name: qsTr("Also held %1").arg(occurrence.modelData.text)
                    onClicked: (occurrence.ListView.view as ActionList).activated("open", occurrence.modelData.id)
                }
            }
        }
    }
}
