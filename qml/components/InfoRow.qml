import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Plenary.Ui

// A fact with a symbol: a main line and an optional second line.
RowLayout {
    id: root

    property string symbol
    property string text
    property string detail

    spacing: 12
    Accessible.role: Accessible.StaticText
    Accessible.name: root.detail.length > 0 ? root.text + ", " + root.detail : root.text

    Glyph {
        Layout.alignment: Qt.AlignTop
        Layout.preferredWidth: 24
        text: root.symbol
        size: 18
        color: root.Material.accent
    }
    ColumnLayout {
        Layout.fillWidth: true
        spacing: 1
        Label {
            Layout.fillWidth: true
            text: root.text
            font.pixelSize: 14
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            visible: root.detail.length > 0
            text: root.detail
            font.pixelSize: 12
            color: root.Material.hintTextColor
            wrapMode: Text.Wrap
        }
    }
}
