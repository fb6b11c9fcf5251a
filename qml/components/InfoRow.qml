import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Plenary.Ui

// A fact with a symbol: a main line and an optional second line. Positioners, not Layouts: in a page whose
// content changes while shown (the wide schedule's detail pane), a ColumnLayout of wrapping labels kept the
// second line where a narrower first layout had put it (Qt 6.4), over the next row.
Item {
    id: root

    property string symbol
    property string text
    property string detail

    implicitWidth: lines.x + Math.max(main.implicitWidth, second.visible ? second.implicitWidth : 0)
    implicitHeight: Math.max(glyph.implicitHeight, lines.implicitHeight)
    Accessible.role: Accessible.StaticText
    Accessible.name: root.detail.length > 0 ? root.text + ", " + root.detail : root.text

    Glyph {
        id: glyph
        width: 24
        text: root.symbol
        size: 18
        color: root.Material.accent
    }
    Column {
        id: lines
        x: glyph.width + 12
        // Centred on the symbol when shorter than it, as the row layout had it.
        y: Math.max(0, Math.round((glyph.implicitHeight - lines.implicitHeight) / 2))
        width: Math.max(0, root.width - lines.x)
        spacing: 1
        Label {
            id: main
            width: lines.width
            text: root.text
            font.pixelSize: 14
            wrapMode: Text.Wrap
        }
        Label {
            id: second
            width: lines.width
            visible: root.detail.length > 0
            text: root.detail
            font.pixelSize: 12
            color: root.Material.hintTextColor
            wrapMode: Text.Wrap
        }
    }
}
