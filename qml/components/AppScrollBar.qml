import QtQuick
import QtQuick.Controls.Material
import QtQuick.Templates as T

// The app's scroll bar: the Material one's look and fade, on the template, so that the schedule list at
// start-up does not load the style's QML file for it.
T.ScrollBar {
    id: root

    implicitWidth: Math.max(implicitBackgroundWidth + leftInset + rightInset,
                            implicitContentWidth + leftPadding + rightPadding)
    implicitHeight: Math.max(implicitBackgroundHeight + topInset + bottomInset,
                             implicitContentHeight + topPadding + bottomPadding)

    padding: root.interactive ? 1 : 2
    visible: root.policy !== T.ScrollBar.AlwaysOff
    minimumSize: root.orientation === Qt.Horizontal ? root.height / root.width : root.width / root.height

    contentItem: Rectangle {
        implicitWidth: root.interactive ? 13 : 4
        implicitHeight: root.interactive ? 13 : 4
        color: root.pressed ? root.Material.scrollBarPressedColor
             : root.interactive && root.hovered ? root.Material.scrollBarHoveredColor : root.Material.scrollBarColor
        opacity: 0.0
    }

    background: Rectangle {
        implicitWidth: root.interactive ? 16 : 4
        implicitHeight: root.interactive ? 16 : 4
        color: "#0e000000"
        opacity: 0.0
        visible: root.interactive
    }

    states: State {
        name: "active"
        when: root.policy === T.ScrollBar.AlwaysOn || (root.active && root.size < 1.0)
    }

    transitions: [
        Transition {
            to: "active"
            NumberAnimation {
                targets: [root.contentItem, root.background]
                property: "opacity"
                to: 1.0
            }
        },
        Transition {
            from: "active"
            SequentialAnimation {
                PropertyAction {
                    targets: [root.contentItem, root.background]
                    property: "opacity"
                    value: 1.0
                }
                PauseAnimation {
                    duration: 2450
                }
                NumberAnimation {
                    targets: [root.contentItem, root.background]
                    property: "opacity"
                    to: 0.0
                }
            }
        }
    ]
}
