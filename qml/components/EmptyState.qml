import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Plenary.Ui

// What a list shows when it has nothing: a symbol, a sentence, and optionally one action.
ColumnLayout {
    id: root

    property string symbol: "∅"
    property string title
    property string detail
    property string actionText

    signal actionTriggered()

    spacing: 8

    Glyph {
        Layout.alignment: Qt.AlignHCenter
        text: root.symbol
        size: 40
        opacity: 0.5
    }
    Label {
        Layout.fillWidth: true
        text: root.title
        font.pixelSize: 17
        font.weight: Font.DemiBold
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
    }
    Label {
        Layout.fillWidth: true
        visible: root.detail.length > 0
        text: root.detail
        color: Material.hintTextColor
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
    }
    Button {
        objectName: "emptyStateAction"
        Layout.alignment: Qt.AlignHCenter
        visible: root.actionText.length > 0
        text: root.actionText
        flat: true
        highlighted: true
        Accessible.name: root.actionText
        onClicked: root.actionTriggered()
    }
}
