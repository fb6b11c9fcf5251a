import QtQuick
import QtQuick.Controls.Material
import QtQuick.Templates as T
import Plenary.Models
import Plenary.Ui

// One session row: track colour bar, time, title, speakers, room · floor, type and seat badges, agenda star.
// Built on the template with plain Text, since a dozen rows are made at start-up: the Material delegate's
// ripple and Labels cost more than they show. Hover, press and the highlight still show.
T.ItemDelegate {
    id: root

    required property int index
    required property string sessionId
    required property string title
    required property string timeText
    required property string roomName
    required property string floorName
    required property string trackName
    required property string trackColor
    required property int type
    required property string typeText
    required property int seatCapacity
    required property bool inAgenda
    required property var speakerNames
    property bool selected: false
    // revision changes with every seat update, so the live numbers are asked for again.
    readonly property var seat: SeatsController.revision >= 0 ? SeatsController.seatInfo(root.sessionId) : ({})

    signal starClicked()

    width: ListView.view ? ListView.view.width : implicitWidth
    // Lists give rows their width; alone, a row asks for room for a short title.
    implicitWidth: root.leftPadding + 16 + 240 + 12 + star.implicitWidth + root.rightPadding
    implicitHeight: root.topPadding + Math.max(lines.implicitHeight + 20, star.implicitHeight + 2) + root.bottomPadding
    padding: 0
    verticalPadding: 8
    highlighted: root.selected || (ListView.view && ListView.view.activeFocus && ListView.isCurrentItem)
    Accessible.name: qsTr("%1, %2, %3").arg(root.title).arg(root.timeText).arg(root.roomName)

    background: Rectangle {
        color: root.highlighted ? Material.listHighlightColor
             : root.down ? Qt.alpha(Material.foreground, 0.12)
             : root.hovered ? Material.rippleColor : "transparent"
    }

    // No content item: the parts are placed with the sizes the row's layouts had (bar, 12, text column, 12, star)
    // by positioners. A dozen rows are made at start-up, and in Layouts every wrapped or elided text was laid out
    // again for its implicit width and again for the width it was given.
    Rectangle {
        x: root.leftPadding
        y: root.topPadding + 10
        width: 4
        height: Math.max(0, root.availableHeight - 20)
        radius: 2
        color: root.trackColor.length > 0 ? root.trackColor : root.Material.dividerColor
    }

    Column {
        id: lines
        x: root.leftPadding + 16
        y: root.topPadding + 10
        width: Math.max(0, root.availableWidth - 16 - 12 - star.width)
        spacing: 3

        // A Row, not a RowLayout: in a delegate the list reuses, a RowLayout kept the places its badges had
        // in the row it showed before (Qt 6.4), so a badge could sit on the time. Whole-pixel sizes and
        // centring, as the layout gave them.
        Row {
            objectName: "timeRow"
            spacing: 6
            Text {
                width: Math.ceil(implicitWidth)
                y: Math.round((parent.height - height) / 2)
                text: root.timeText
                font.pixelSize: 12
                color: root.Material.hintTextColor
            }
            Badge {
                width: Math.ceil(implicitWidth)
                y: Math.round((parent.height - height) / 2)
                visible: root.type !== SessionListModel.Talk
                text: root.typeText
                tint: root.type === SessionListModel.Keynote ? "#c2185b"
                    : root.type === SessionListModel.Break ? root.Material.hintTextColor
                    : root.Material.accent
            }
            Badge {
                width: Math.ceil(implicitWidth)
                y: Math.round((parent.height - height) / 2)
                objectName: "seatBadge"
                visible: root.seat.live === true || root.seatCapacity > 0
                opacity: root.seat.stale ? 0.45 : 1
                text: root.seat.live !== true ? qsTr("%1 seats").arg(root.seatCapacity)
                    : root.seat.myStatus === SeatsController.Confirmed ? qsTr("✓ Reserved")
                    : root.seat.myStatus === SeatsController.Waitlisted ? qsTr("Waitlist #%1").arg(root.seat.position)
                    : root.seat.level === SeatsController.Full ? qsTr("Full")
                    : root.seat.level === SeatsController.Filling ? qsTr("Filling")
                    : qsTr("%1 left").arg(root.seat.seatsLeft)
                tint: root.seat.live !== true || root.seat.stale ? root.Material.hintTextColor
                    : root.seat.myStatus === SeatsController.Confirmed ? "#2e7d32"
                    : root.seat.level === SeatsController.Full ? "#c62828"
                    : root.seat.level === SeatsController.Filling ? "#ef6c00" : "#2e7d32"
            }
        }
        Text {
            width: lines.width
            text: root.title
            color: root.Material.foreground
            font.pixelSize: 15
            font.weight: Font.DemiBold
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
        Text {
            width: lines.width
            visible: root.speakerNames.length > 0
            text: root.speakerNames.join(", ")
            color: root.Material.foreground
            font.pixelSize: 13
            elide: Text.ElideRight
        }
        Text {
            width: lines.width
            text: root.floorName.length > 0 ? qsTr("%1 · %2").arg(root.roomName).arg(root.floorName) : root.roomName
            font.pixelSize: 12
            color: root.Material.hintTextColor
            elide: Text.ElideRight
        }
    }

    StarButton {
        id: star
        x: root.leftPadding + root.availableWidth - star.width
        y: root.topPadding + 2
        on: root.inAgenda
        Accessible.name: root.inAgenda ? qsTr("Remove “%1” from my agenda").arg(root.title)
                                       : qsTr("Add “%1” to my agenda").arg(root.title)
        onClicked: root.starClicked()
    }
}
