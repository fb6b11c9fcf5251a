import QtQuick
import QtQuick.Controls.Material
import QtQuick.Templates as T
import Plenary.Ui

// The bottom navigation of the phone layout: one button per destination. Templates with Material colours, as on
// the rest of the first page.
T.ToolBar {
    id: root

    property int currentIndex: 0
    property var destinations: []

    signal selected(int index)

    Material.background: Material.theme === Material.Dark ? "#1b1d26" : "#f3f4fa"
    contentHeight: 56
    implicitWidth: Math.max(implicitBackgroundWidth + leftInset + rightInset, contentWidth + leftPadding + rightPadding)
    implicitHeight: Math.max(implicitBackgroundHeight + topInset + bottomInset, contentHeight + topPadding + bottomPadding)
    background: Rectangle {
        implicitHeight: 48
        color: root.Material.background
    }

    Rectangle {
        anchors.top: parent.top
        width: parent.width
        height: 1
        color: root.Material.dividerColor
    }
    NavList {
        anchors.fill: parent
        orientation: ListView.Horizontal
        model: root.destinations
        selectedIndex: root.currentIndex
        onSelected: (index) => root.selected(index)
        delegate: T.ToolButton {
            id: button
            required property var modelData
            required property int index
            readonly property NavList nav: button.ListView.view as NavList
            width: button.nav ? button.nav.width / Math.max(1, button.nav.count) : implicitWidth
            height: 56
            implicitWidth: Math.max(implicitBackgroundWidth + leftInset + rightInset,
                                    implicitContentWidth + leftPadding + rightPadding)
            implicitHeight: Math.max(implicitBackgroundHeight + topInset + bottomInset,
                                     implicitContentHeight + topPadding + bottomPadding)
            padding: 6
            checked: button.nav ? button.nav.selectedIndex === button.index : false
            Accessible.name: button.modelData.name
            Accessible.role: Accessible.PageTab
            onClicked: button.nav.selected(button.index)
            contentItem: Column {
                spacing: 2
                Glyph {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: button.modelData.symbol
                    size: 20
                    color: button.checked ? button.Material.accent : button.Material.foreground
                }
                Text {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: button.modelData.shortName
                    font.pixelSize: 11
                    font.weight: button.checked ? Font.DemiBold : Font.Normal
                    color: button.checked ? button.Material.accent : button.Material.foreground
                }
            }
            background: Rectangle {
                color: button.checked ? Qt.alpha(button.Material.accent, 0.10) : "transparent"
            }
        }
    }
}
