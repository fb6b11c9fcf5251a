import QtQuick
import QtQuick.Controls.impl
import QtQuick.Controls.Material
import QtQuick.Controls.Material.impl
import QtQuick.Templates as T

// The conference days as tabs: the Material tab bar and buttons (accent underline, ripple) on the templates,
// since the schedule shows them at start-up.
T.TabBar {
    id: root

    property var days: []

    implicitWidth: Math.max(implicitBackgroundWidth + leftInset + rightInset,
                            contentWidth + leftPadding + rightPadding)
    implicitHeight: Math.max(implicitBackgroundHeight + topInset + bottomInset,
                             contentHeight + topPadding + bottomPadding)
    spacing: 1
    Accessible.role: Accessible.PageTabList
    Accessible.name: qsTr("Conference days")

    contentItem: ListView {
        model: root.contentModel
        currentIndex: root.currentIndex
        spacing: root.spacing
        orientation: ListView.Horizontal
        boundsBehavior: Flickable.StopAtBounds
        flickableDirection: Flickable.AutoFlickIfNeeded
        snapMode: ListView.SnapToItem
        highlightMoveDuration: 250
        highlightResizeDuration: 0
        highlightFollowsCurrentItem: true
        highlightRangeMode: ListView.ApplyRange
        preferredHighlightBegin: 48
        preferredHighlightEnd: width - 48
        // The accent underline (tabs sit at the top, so it is at the bottom), in the accent the window gives.
        highlight: Item {
            z: 2
            Rectangle {
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.bottom: parent.bottom
                height: 2
                color: Material.accentColor
            }
        }
    }
    background: Rectangle {
        color: root.Material.backgroundColor
    }

    Repeater {
        model: root.days
        delegate: T.TabButton {
            id: tab
            required property var modelData

            implicitWidth: Math.max(implicitBackgroundWidth + leftInset + rightInset,
                                    implicitContentWidth + leftPadding + rightPadding)
            implicitHeight: Math.max(implicitBackgroundHeight + topInset + bottomInset,
                                     implicitContentHeight + topPadding + bottomPadding)
            padding: 12
            spacing: 6
            text: tab.modelData.label
            Accessible.name: tab.modelData.label

            contentItem: IconLabel {
                spacing: tab.spacing
                mirrored: tab.mirrored
                display: tab.display
                text: tab.text
                font: tab.font
                color: !tab.enabled ? tab.Material.hintTextColor
                     : tab.down || tab.checked ? tab.Material.accentColor : tab.Material.foreground
            }
            background: Ripple {
                implicitHeight: tab.Material.touchTarget
                clip: true
                pressed: tab.pressed
                anchor: tab
                active: tab.enabled && (tab.down || tab.visualFocus || tab.hovered)
                color: tab.Material.rippleColor
            }
        }
    }
}
