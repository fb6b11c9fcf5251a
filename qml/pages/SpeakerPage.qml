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
            width: list.width
            spacing: 8

            RowLayout {
                Layout.fillWidth: true
                Layout.margins: 20
                Layout.bottomMargin: 0
                spacing: 16
                Avatar {
                    initials: details.initials
                    size: 64
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        Layout.fillWidth: true
                        text: details.name
                        font.pixelSize: 22
                        font.weight: Font.Bold
                        wrapMode: Text.Wrap
                        Accessible.role: Accessible.Heading
                        Accessible.name: details.name
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: details.company.length > 0
                        text: details.company
                        color: root.Material.hintTextColor
                        wrapMode: Text.Wrap
                    }
                }
            }
            Label {
                Layout.fillWidth: true
                Layout.leftMargin: 20
                Layout.rightMargin: 20
                visible: details.bio.length > 0
                text: details.bio
                wrapMode: Text.Wrap
                font.pixelSize: 15
            }
            Label {
                Layout.leftMargin: 20
                Layout.topMargin: 8
                Layout.bottomMargin: 4
                text: details.sessionCount === 1 ? qsTr("1 session") : qsTr("%1 sessions").arg(details.sessionCount)
                font.pixelSize: 13
                font.weight: Font.Bold
                color: root.Material.accent
                Accessible.role: Accessible.Heading
            }
        }
    }
}
