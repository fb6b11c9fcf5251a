import QtQuick
import QtQuick.Controls.Material
import QtQuick.Templates as T
import Plenary.Ui

// The side navigation of the wide layout. Templates with Material colours, as on the rest of the first page.
T.Pane {
    id: root

    property int currentIndex: 0
    property var destinations: []

    signal selected(int index)

    padding: 0
    implicitWidth: 88
    Material.background: Material.theme === Material.Dark ? "#1b1d26" : "#f3f4fa"
    background: Rectangle {
        color: root.Material.background
    }

    Rectangle {
        anchors.right: parent.right
        height: parent.height
        width: 1
        color: root.Material.dividerColor
    }
    NavList {
        anchors.fill: parent
        anchors.topMargin: 8
        spacing: 4
        model: root.destinations
        selectedIndex: root.currentIndex
        onSelected: (index) => root.selected(index)
        delegate: T.ToolButton {
            id: button
            required property var modelData
            required property int index
            readonly property NavList nav: button.ListView.view as NavList
            width: button.nav ? button.nav.width - 1 : implicitWidth
            height: 64
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
                spacing: 4
                Glyph {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: button.modelData.symbol
                    size: 22
                    color: button.checked ? button.Material.accent : button.Material.foreground
                }
                Text {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: button.modelData.shortName
                    font.pixelSize: 12
                    font.weight: button.checked ? Font.DemiBold : Font.Normal
                    color: button.checked ? button.Material.accent : button.Material.foreground
                }
            }
            background: Rectangle {
                color: button.checked ? Qt.alpha(button.Material.accent, 0.12) : "transparent"
                radius: 12
            }
        }
    }
}
