pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// The day timeline's grid: an hour label and a faint line at each whole hour from `startMinute` to
// `endMinute` (minutes of the shown day, which may pass midnight).
Item {
    id: root

    property int startMinute: 0
    property int endMinute: 0
    property real pxPerMinute: 2
    property real labelWidth: 48

    implicitHeight: Math.max(0, root.endMinute - root.startMinute) * root.pxPerMinute

    Repeater {
        model: Math.max(0, Math.floor((root.endMinute - root.startMinute) / 60) + 1)
        delegate: Item {
            id: hour
            required property int index
            readonly property int minute: root.startMinute + hour.index * 60
            x: 0
            y: hour.index * 60 * root.pxPerMinute
            width: root.width
            height: 1

            Rectangle {
                x: root.labelWidth
                width: parent.width - root.labelWidth
                height: 1
                color: root.Material.dividerColor
            }
            Label {
                objectName: "hourLabel"
                width: root.labelWidth - 8
                anchors.verticalCenter: parent.top
                horizontalAlignment: Text.AlignRight
                text: String(Math.floor(((hour.minute % 1440) + 1440) % 1440 / 60)).padStart(2, "0") + ":00"
                font.pixelSize: 11
                color: root.Material.hintTextColor
            }
        }
    }
}
