import QtQuick
import QtQuick.Controls.Material
import QtQuick.Templates as T
import Plenary.Ui

// A filled accent button drawn without shader effects, so it also shows with the software renderer. Built on
// the template with the Material button's insets and padding: the Material Button would load its elevation
// effect's three QML files at start-up, where the schedule shows this button.
T.Button {
    id: root

    property bool filled: true

    implicitWidth: Math.max(implicitBackgroundWidth + leftInset + rightInset,
                            implicitContentWidth + leftPadding + rightPadding)
    implicitHeight: Math.max(implicitBackgroundHeight + topInset + bottomInset,
                             implicitContentHeight + topPadding + bottomPadding)
    topInset: 6
    bottomInset: 6
    padding: 12
    horizontalPadding: 8
    spacing: 6
    Accessible.name: root.text

    contentItem: Text {
        text: root.text
        font.pixelSize: 14
        font.weight: Font.DemiBold
        color: root.filled ? (root.Material.theme === Material.Dark ? "#10131c" : "#ffffff") : root.Material.accent
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }
    background: Rectangle {
        implicitWidth: 64
        implicitHeight: 40
        radius: 20
        opacity: root.enabled ? 1 : 0.4
        color: root.filled ? (root.down ? Qt.darker(root.Material.accent, 1.15) : root.Material.accent) : "transparent"
        border.width: root.filled && !root.visualFocus ? 0 : (root.visualFocus ? 2 : 1)
        border.color: root.visualFocus ? root.Material.foreground : root.Material.accent
    }
}
