import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Plenary.Models
import Plenary.Ui

// One speaker: who they are and the sessions they give.
Page {
    id: root

    property ConferenceController controller
    property string speakerId

    signal sessionClicked(string sessionId)

    title: details.name
    Accessible.name: details.name

    SpeakerDetails {
        id: details
        controller: root.controller
        speakerId: root.speakerId
    }

    SessionFilterProxyModel {
        id: speakerSessions
        sourceModel: root.controller ? root.controller.sessions : null
        speakerId: root.speakerId
    }

    SessionList {
        id: list
        anchors.fill: parent
        model: speakerSessions
        controller: root.controller
        showDay: true
        onSessionClicked: (id) => root.sessionClicked(id)

        header: ColumnLayout {
            id: speakerHeader
            // The header finds the list and the speaker through the attached view: Qt 6.4's qmllint cannot
            // follow ids into it.
            readonly property SessionList view: speakerHeader.ListView.view as SessionList
            width: speakerHeader.view ? speakerHeader.view.width : implicitWidth
            spacing: 8

            SpeakerDetails {
                id: speaker
                controller: speakerHeader.view ? speakerHeader.view.controller : null
                speakerId: speakerHeader.view ? (speakerHeader.view.model as SessionFilterProxyModel).speakerId : ""
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.margins: 20
                Layout.bottomMargin: 0
                spacing: 16
                Avatar {
                    initials: speaker.initials
                    size: 64
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        Layout.fillWidth: true
                        text: speaker.name
                        font.pixelSize: 22
                        font.weight: Font.Bold
                        wrapMode: Text.Wrap
                        Accessible.role: Accessible.Heading
                        Accessible.name: speaker.name
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: speaker.company.length > 0
                        text: speaker.company
                        color: speakerHeader.Material.hintTextColor
                        wrapMode: Text.Wrap
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: 20
                Layout.rightMargin: 20
                visible: speaker.bio.length > 0
                text: speaker.bio
                wrapMode: Text.Wrap
                font.pixelSize: 15
            }
            Label {
                Layout.leftMargin: 20
                Layout.topMargin: 8
                Layout.bottomMargin: 4
                text: speaker.sessionCount === 1 ? qsTr("1 session") : qsTr("%1 sessions").arg(speaker.sessionCount)
                font.pixelSize: 13
                font.weight: Font.Bold
                color: speakerHeader.Material.accent
                Accessible.role: Accessible.Heading
            }
        }
    }
}
