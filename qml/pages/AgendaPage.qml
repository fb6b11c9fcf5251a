import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Plenary.Models
import Plenary.Ui

// My agenda: the starred sessions of every day (with the details beside them when wide).
Page {
    id: root

    property ConferenceController controller
    property bool wide: false
    property string selectedSessionId

    signal sessionClicked(string sessionId)
    signal speakerClicked(string speakerId)
    signal browseRequested()

    title: qsTr("My agenda")
    Accessible.name: qsTr("My agenda")

    SessionFilterProxyModel {
        id: agendaFilter
        sourceModel: root.controller ? root.controller.sessions : null
        onlyAgenda: true
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Item {
            Layout.fillHeight: true
            Layout.fillWidth: !root.wide
            Layout.preferredWidth: root.wide ? Math.min(480, root.width * 0.45) : -1

            SessionList {
                anchors.fill: parent
                model: agendaFilter
                controller: root.controller
                showDay: true
                selectedSessionId: root.wide ? root.selectedSessionId : ""
                onSessionClicked: (id) => root.sessionClicked(id)
            }
            EmptyState {
                anchors.centerIn: parent
                width: Math.min(parent.width - 48, 360)
                visible: agendaFilter.count === 0
                symbol: "☆"
                title: qsTr("Your agenda is empty")
                detail: qsTr("Star sessions in the schedule and they show up here, day by day.")
                actionText: qsTr("Browse the schedule")
                onActionTriggered: root.browseRequested()
            }
        }
        Rectangle {
            visible: root.wide
            Layout.fillHeight: true
            implicitWidth: 1
            color: root.Material.dividerColor
        }
        SessionPage {
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
