import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Plenary.Models
import Plenary.Ui

// Time zone, theme and language choices, and the way to the kept conferences.
Page {
    id: root

    property ConferenceController controller
    property AppSettings settings

    signal conferencesRequested()

    title: qsTr("Settings")
    Accessible.name: qsTr("Settings")

    component Heading: Label {
        Layout.topMargin: 16
        font.pixelSize: 13
        font.weight: Font.Bold
        color: Material.accent
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentHeight: column.implicitHeight + 32
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: AppScrollBar {}

        ColumnLayout {
            id: column
            x: 16
            width: flick.width - 32
            spacing: 0

            Heading {
                text: qsTr("Conference")
            }
            ItemDelegate {
                Layout.fillWidth: true
                leftPadding: 0
                text: root.controller.title.length > 0 ? root.controller.title : qsTr("No conference open")
                Accessible.name: qsTr("Conferences on this device")
                onClicked: root.conferencesRequested()
                contentItem: ColumnLayout {
                    spacing: 2
                    Label {
                        Layout.fillWidth: true
                        text: root.controller.title.length > 0 ? root.controller.title : qsTr("No conference open")
                        font.pixelSize: 15
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("%1 sessions · Switch or add a conference ›").arg(root.controller.sessionCount)
                        font.pixelSize: 12
                        color: root.Material.hintTextColor
                        elide: Text.ElideRight
                    }
                }
            }

            Heading {
                visible: SeatsController.hasFeed
                text: qsTr("Seat reservations")
            }
            ColumnLayout {
                Layout.fillWidth: true
                visible: SeatsController.hasFeed
                spacing: 6
                Label {
                    Layout.fillWidth: true
                    visible: SeatsController.signedIn
                    text: qsTr("Signed in with your badge.")
                    wrapMode: Text.Wrap
                }
                RowLayout {
                    Layout.fillWidth: true
                    visible: !SeatsController.signedIn
                    spacing: 8
                    TextField {
                        id: badgeField
                        objectName: "badgeField"
                        Layout.fillWidth: true
                        placeholderText: qsTr("Sign in with badge code")
                        Accessible.name: qsTr("Badge code")
                        inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhPreferUppercase
                        onAccepted: SeatsController.signIn(badgeField.text)
                    }
                    Button {
                        text: SeatsController.signingIn ? qsTr("Signing in…") : qsTr("Sign in")
                        enabled: !SeatsController.signingIn && badgeField.text.trim().length > 0
                        onClicked: SeatsController.signIn(badgeField.text)
                    }
                }
                Button {
                    visible: SeatsController.signedIn
                    flat: true
                    text: qsTr("Sign out")
                    onClicked: SeatsController.signOut()
                }
                Label {
                    Layout.fillWidth: true
                    visible: text.length > 0
                    text: SeatsController.signInError
                    color: "#c62828"
                    wrapMode: Text.Wrap
                }
            }

            Heading {
                text: qsTr("Times")
            }
            ColumnLayout {
                spacing: 0
                RadioButton {
                    Layout.fillWidth: true
                    text: qsTr("Venue time · %1").arg(root.controller.timeZone.venueCity)
                    checked: root.controller.timeZone.useVenueTime
                    Accessible.name: text
                    onClicked: root.controller.timeZone.useVenueTime = true
                }
                RadioButton {
                    Layout.fillWidth: true
                    text: qsTr("Your time · %1").arg(root.controller.timeZone.deviceCity)
                    checked: !root.controller.timeZone.useVenueTime
                    Accessible.name: text
                    onClicked: root.controller.timeZone.useVenueTime = false
                }
            }

            Heading {
                text: qsTr("Reminders")
            }
            RowLayout {
                Layout.fillWidth: true
                Switch {
                    objectName: "remindersSwitch"
                    text: qsTr("Remind me before agenda items")
                    checked: root.controller.reminders.enabled
                    Accessible.name: text
                    onToggled: root.controller.reminders.enabled = checked
                }
            }
            RowLayout {
                Layout.fillWidth: true
                enabled: root.controller.reminders.enabled
                Label {
                    text: qsTr("Minutes before")
                }
                SpinBox {
                    objectName: "reminderMinutes"
                    from: 0
                    to: 120
                    stepSize: 5
                    value: root.controller.reminders.minutesBefore
                    Accessible.name: qsTr("Reminder minutes before")
                    onValueModified: root.controller.reminders.minutesBefore = value
                }
            }

            Heading {
                text: qsTr("Theme")
            }
            ColumnLayout {
                spacing: 0
                RadioButton {
                    text: qsTr("Follow the system")
                    checked: root.settings.theme === AppSettings.SystemTheme
                    Accessible.name: text
                    onClicked: root.settings.theme = AppSettings.SystemTheme
                }
                RadioButton {
                    text: qsTr("Light")
                    checked: root.settings.theme === AppSettings.LightTheme
                    Accessible.name: text
                    onClicked: root.settings.theme = AppSettings.LightTheme
                }
                RadioButton {
                    text: qsTr("Dark")
                    checked: root.settings.theme === AppSettings.DarkTheme
                    Accessible.name: text
                    onClicked: root.settings.theme = AppSettings.DarkTheme
                }
            }

            Heading {
                text: qsTr("Language")
            }
            ColumnLayout {
                spacing: 0
                RadioButton {
                    text: qsTr("Follow the system")
                    checked: root.settings.language === ""
                    Accessible.name: qsTr("Language: follow the system")
                    onClicked: root.settings.language = ""
                }
                RadioButton {
                    text: "English"
                    checked: root.settings.language === "en"
                    Accessible.name: "English"
                    onClicked: root.settings.language = "en"
                }
                RadioButton {
                    text: "한국어"
                    checked: root.settings.language === "ko"
                    Accessible.name: "한국어"
                    onClicked: root.settings.language = "ko"
                }
            }
        }
    }
}
