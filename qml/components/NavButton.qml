import QtQuick
import QtQuick.Controls.Material
import QtQuick.Templates as T
import Plenary.Ui

// One destination of the navigation bar or rail (a NavList delegate): symbol over a short name, tinted when it
// is the current tab. The list it sits in reports the choice.
T.ToolButton {
    id: root

    required property var modelData
    required property int index
    readonly property NavList nav: root.ListView.view as NavList
    property real symbolSize: 20
    property real labelSize: 11
    property real lineSpacing: 2
    property real tint: 0.10
    property real radius: 0

    implicitWidth: Math.max(implicitBackgroundWidth + leftInset + rightInset,
                            implicitContentWidth + leftPadding + rightPadding)
    implicitHeight: Math.max(implicitBackgroundHeight + topInset + bottomInset,
                             implicitContentHeight + topPadding + bottomPadding)
    padding: 6
    checked: root.nav ? root.nav.selectedIndex === root.index : false
    Accessible.name: root.modelData.name
    Accessible.role: Accessible.PageTab
    onClicked: root.nav.selected(root.index)

    contentItem: Column {
        spacing: root.lineSpacing
        Glyph {
            anchors.horizontalCenter: parent.horizontalCenter
            text: root.modelData.symbol
            size: root.symbolSize
            color: root.checked ? root.Material.accent : root.Material.foreground
        }
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: root.modelData.shortName
            font.pixelSize: root.labelSize
            font.weight: root.checked ? Font.DemiBold : Font.Normal
            color: root.checked ? root.Material.accent : root.Material.foreground
        }
    }
    background: Rectangle {
        color: root.checked ? Qt.alpha(root.Material.accent, root.tint) : "transparent"
        radius: root.radius
    }
}
