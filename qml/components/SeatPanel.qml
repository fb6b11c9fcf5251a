import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Plenary.Models
import Plenary.Ui

// A session's seats: live numbers and how fresh they are, my reservation, and the one action that fits it.
ColumnLayout {
    id: root

    property string sessionId
    property bool registrationRequired
    property string resultMessage

    // revision changes with every seat, reservation or clock update, so the numbers are asked for again.
    readonly property var seat: SeatsController.revision >= 0 ? SeatsController.seatInfo(root.sessionId) : ({})
    readonly property bool live: root.seat.live === true
    readonly property int myStatus: root.seat.myStatus ?? SeatsController.None
    readonly property string updatedText: {
        const age = SeatsController.updatedSecondsAgo
        if (age < 0)
            return qsTr("not updated yet")
        if (age < 120)
            return qsTr("updated %1 s ago").arg(age)
        if (age < 120 * 60)
            return qsTr("updated %1 min ago").arg(Math.floor(age / 60))
        if (age < 48 * 3600)
            return qsTr("updated %1 h ago").arg(Math.floor(age / 3600))
        return qsTr("updated %1 days ago").arg(Math.floor(age / 86400))
    }
    readonly property string levelText: !root.live ? ""
        : root.seat.level === SeatsController.Full ? qsTr("Full")
        : root.seat.level === SeatsController.Filling ? qsTr("Filling") : ""
    readonly property color levelColor: root.seat.level === SeatsController.Full ? "#c62828" : "#ef6c00"

    function explain(result) {
        switch (result) {
        case SeatsController.NotSignedIn:
            return qsTr("Sign in with your badge code in Settings to reserve seats.")
        case SeatsController.NoFeed:
            return qsTr("This conference has no live seat server.")
        case SeatsController.Queued:
            return qsTr("You are offline: this will be sent when the connection is back.")
        case SeatsController.NotReservable:
            return qsTr("That is not possible for this session right now.")
        }
        return ""
    }

    function perform(result) {
        root.resultMessage = root.explain(result)
    }

    onSessionIdChanged: {
        root.resultMessage = ""
        SeatsController.clearMessage()
    }

    visible: root.seat.limited === true || root.registrationRequired
    spacing: 8

    RowLayout {
        Layout.fillWidth: true
        spacing: 8

        InfoRow {
            objectName: "seatSummary"
            Layout.fillWidth: true
            opacity: root.seat.stale ? 0.6 : 1
            symbol: "✎"
            text: root.live ? qsTr("%1 of %2 seats left · %3").arg(root.seat.seatsLeft).arg(root.seat.capacity).arg(root.updatedText)
                  : root.seat.capacity > 0 ? qsTr("%1 reservable seats").arg(root.seat.capacity)
                  : qsTr("Registration required")
            detail: {
                const parts = []
                if (root.live && root.seat.waitlist > 0)
                    parts.push(qsTr("%1 on the waitlist").arg(root.seat.waitlist))
                if (root.seat.stale)
                    parts.push(qsTr("may be out of date"))
                else if (!root.live && SeatsController.hasFeed && root.seat.limited)
                    parts.push(qsTr("live seats not received yet"))
                if (root.seat.capacity > 0 && root.registrationRequired)
                    parts.push(qsTr("Registration required"))
                return parts.join(" · ")
            }
        }

        Label {
            objectName: "seatLevel"
            Layout.alignment: Qt.AlignTop
            visible: root.levelText.length > 0
            opacity: root.seat.stale ? 0.6 : 1
            text: root.levelText
            color: "white"
            font.pixelSize: 12
            font.weight: Font.DemiBold
            leftPadding: 8
            rightPadding: 8
            topPadding: 2
            bottomPadding: 2
            background: Rectangle {
                radius: height / 2
                color: root.levelColor
            }
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
    }

    Label {
        objectName: "seatFeedError"
        Layout.fillWidth: true
        visible: text.length > 0
        text: SeatsController.feedError
        color: "#c62828"
        font.pixelSize: 12
        wrapMode: Text.Wrap
    }

    Label {
        objectName: "seatMine"
        Layout.fillWidth: true
        visible: root.myStatus === SeatsController.Confirmed || root.myStatus === SeatsController.Waitlisted
        text: root.myStatus === SeatsController.Confirmed ? qsTr("✓ You have a seat.")
              : qsTr("You are #%1 on the waitlist.").arg(root.seat.position)
        color: root.myStatus === SeatsController.Confirmed ? "#2e7d32" : root.Material.accent
        font.weight: Font.DemiBold
        wrapMode: Text.Wrap
    }

    PrimaryButton {
        objectName: "seatAction"
        Layout.fillWidth: true
        visible: root.seat.limited === true
        enabled: root.myStatus !== SeatsController.Pending
        filled: root.myStatus === SeatsController.None
        text: root.myStatus === SeatsController.Pending ? qsTr("Pending…")
              : root.myStatus === SeatsController.Confirmed ? qsTr("Cancel reservation")
              : root.myStatus === SeatsController.Waitlisted ? qsTr("Leave waitlist")
              : root.live && root.seat.level === SeatsController.Full ? qsTr("Join waitlist (#%1)").arg(root.seat.waitlist + 1)
              : qsTr("Reserve")
        onClicked: {
            SeatsController.clearMessage()
            if (root.myStatus === SeatsController.Confirmed)
                root.perform(SeatsController.cancel(root.sessionId))
            else if (root.myStatus === SeatsController.Waitlisted)
                root.perform(SeatsController.leaveWaitlist(root.sessionId))
            else if (root.live && root.seat.level === SeatsController.Full)
                root.perform(SeatsController.joinWaitlist(root.sessionId))
            else
                root.perform(SeatsController.reserve(root.sessionId))
        }
    }

    Label {
        objectName: "seatMessage"
        Layout.fillWidth: true
        visible: text.length > 0
        text: SeatsController.message.length > 0 ? SeatsController.message : root.resultMessage
        color: SeatsController.message.length > 0 ? "#c62828" : root.Material.hintTextColor
        font.pixelSize: 12
        wrapMode: Text.Wrap
    }
}
