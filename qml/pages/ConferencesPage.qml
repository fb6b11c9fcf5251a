import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Plenary.Models
import Plenary.Ui

// The conferences kept on this device, switching between them, and adding one from a URL or a file.
Page {
    id: root

    property ConferenceController controller

    signal conferenceOpened()

    title: qsTr("Conferences")
    Accessible.name: qsTr("Conferences")

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 8

        Label {
            text: qsTr("Add a conference")
            font.pixelSize: 13
            font.weight: Font.Bold
            color: root.Material.accent
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("A schedule’s web address or file path: Plenary feeds, Pentabarf/frab XML, frab JSON or iCalendar. The address of a Plenary feed server (e.g. https://conf.example.org) also turns on live seats.")
            font.pixelSize: 12
            color: root.Material.hintTextColor
            wrapMode: Text.Wrap
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            TextField {
                id: address
                objectName: "importAddress"
                Layout.fillWidth: true
                placeholderText: qsTr("https://… or /path/to/schedule.xml")
                enabled: !root.controller.busy
                selectByMouse: true
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoAutoUppercase
                Accessible.name: qsTr("Schedule address or file path")
                onAccepted: root.controller.importConference(address.text)
            }
            PrimaryButton {
                text: root.controller.busy ? qsTr("Cancel") : qsTr("Add")
                filled: !root.controller.busy
                Accessible.name: root.controller.busy ? qsTr("Cancel the import") : qsTr("Add conference")
                onClicked: root.controller.busy ? root.controller.cancelImport()
                                                : root.controller.importConference(address.text)
            }
        }
        Switch {
            id: allowHttp
            objectName: "allowHttp"
            Layout.fillWidth: true
            leftPadding: 0
            text: qsTr("Allow unencrypted connections")
            checked: root.controller.allowInsecureHttp
            onToggled: root.controller.allowInsecureHttp = allowHttp.checked
            Accessible.name: text
        }
        Label {
            Layout.fillWidth: true
            Layout.topMargin: -8
            text: root.controller.insecureHttpAllowed && !root.controller.allowInsecureHttp
                  ? qsTr("Allowed for this run (--allow-http).")
                  : qsTr("Off: plain http:// is only used on this device (localhost). Anyone on the network can read and change unencrypted traffic.")
            font.pixelSize: 12
            color: root.Material.hintTextColor
            wrapMode: Text.Wrap
        }
        ProgressBar {
            Layout.fillWidth: true
            visible: root.controller.busy
            indeterminate: root.controller.progress < 0
            value: Math.max(0, root.controller.progress)
            Accessible.name: qsTr("Import progress")
        }
        Label {
            Layout.fillWidth: true
            visible: text.length > 0
            text: root.controller.errorText
            color: "#d32f2f"
            wrapMode: Text.Wrap
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }
        Label {
            Layout.fillWidth: true
            visible: text.length > 0 && root.controller.errorText.length === 0
            text: root.controller.statusText
            color: root.Material.hintTextColor
            wrapMode: Text.Wrap
        }

        Label {
            Layout.topMargin: 12
            text: qsTr("On this device")
            font.pixelSize: 13
            font.weight: Font.Bold
            color: root.Material.accent
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        ActionList {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            keyNavigationEnabled: true
            activeFocusOnTab: true
            model: root.controller.conferences
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Conferences on this device")
            delegate: ConferenceDelegate {
                id: conferenceRow
                onClicked: (conferenceRow.ListView.view as ActionList).activated("open", conferenceRow.conferenceId)
                onRemoveClicked: (conferenceRow.ListView.view as ActionList).activated("remove", conferenceRow.conferenceId)
            }
            onActivated: (action, conferenceId) => {
                if (action === "remove")
                    root.controller.removeConference(conferenceId)
                else if (root.controller.openConference(conferenceId))
                    root.conferenceOpened()
            }
            Keys.onReturnPressed: list.currentItem && (list.currentItem as AbstractButton).clicked()
            ScrollBar.vertical: AppScrollBar {}

            Label {
                anchors.centerIn: parent
                visible: list.count === 0
                text: qsTr("Conferences you add are kept here.")
                color: root.Material.hintTextColor
            }
        }
    }

    Connections {
        target: root.controller
        function onImportFinished(ok) {
            if (ok)
                address.clear()
        }
    }
}
