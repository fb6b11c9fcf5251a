pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material

// Due reminders shown in the app (when no desktop notification server takes them): the newest on top, the
// others folded into "+N more"; each can be snoozed or dismissed. Takes its room in the layout, so it never
// covers the header or a page's controls. Bound to ReminderService.banners.
Pane {
    id: root

    property var banners: []
    property bool expanded: false
    readonly property int shownCount: root.expanded ? root.banners.length : Math.min(1, root.banners.length)

    signal dismissed(string key)
    signal snoozed(string key)
    signal dismissedAll()

    visible: root.banners.length > 0
    padding: 8
    Material.background: "#263238"
    Material.foreground: "#ffffff"
    Material.elevation: 0
    Accessible.role: Accessible.AlertMessage
    Accessible.name: root.banners.length > 0 ? root.banners[0].title : ""

    onBannersChanged: if (root.banners.length <= 1) root.expanded = false

    ColumnLayout {
        anchors.fill: parent
        spacing: 4

        Repeater {
            objectName: "reminderRepeater"
            model: root.shownCount
            delegate: RowLayout {
                id: card
                required property int index
                readonly property var banner: root.banners[card.index]
                Layout.fillWidth: true
                spacing: 6
                Label {
                    Layout.alignment: Qt.AlignTop
                    Layout.topMargin: 4
                    text: "◷"
                    font.pixelSize: 16
                    color: "#ffffff"
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Label {
                        Layout.fillWidth: true
                        text: card.banner ? card.banner.title : ""
                        font.weight: Font.DemiBold
                        color: "#ffffff"
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        text: card.banner ? card.banner.body : ""
                        font.pixelSize: 12
                        color: "#cfd8dc"
                        wrapMode: Text.Wrap
                        maximumLineCount: 2
                        elide: Text.ElideRight
                    }
                }
                Button {
                    objectName: "snoozeButton"
                    flat: true
                    text: qsTr("Snooze")
                    Material.foreground: "#ffffff"
                    Accessible.name: qsTr("Remind me again in 5 minutes")
                    onClicked: root.snoozed(card.banner.key)
                }
                Button {
                    objectName: "dismissButton"
                    flat: true
                    text: qsTr("Dismiss")
                    Material.foreground: "#ffffff"
                    onClicked: root.dismissed(card.banner.key)
                }
            }
        }
        RowLayout {
            Layout.fillWidth: true
            visible: root.banners.length > 1
            Button {
                objectName: "moreRemindersButton"
                flat: true
                text: root.expanded ? qsTr("Show fewer") : qsTr("+%1 more").arg(root.banners.length - 1)
                Material.foreground: "#80cbc4"
                onClicked: root.expanded = !root.expanded
            }
            Item {
                Layout.fillWidth: true
            }
            Button {
                flat: true
                text: qsTr("Dismiss all")
                Material.foreground: "#ffffff"
                onClicked: root.dismissedAll()
            }
        }
    }
}
