import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Plenary.Ui

// What EmptyState shows, loaded by URL when the state is shown: lists are seldom empty, so start-up does not
// compile it (its action is a Material button).
ColumnLayout {
    id: root
    // The state that loaded it: its Loader is a child of the EmptyState.
    readonly property EmptyState owner: root.parent ? root.parent.parent as EmptyState : null

    spacing: 8

    Glyph {
        Layout.alignment: Qt.AlignHCenter
        text: root.owner ? root.owner.symbol : ""
        size: 40
        opacity: 0.5
    }
    Text {
        Layout.fillWidth: true
        text: root.owner ? root.owner.title : ""
        color: root.Material.foreground
        font.pixelSize: 17
        font.weight: Font.DemiBold
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
    }
    Text {
        Layout.fillWidth: true
        visible: text.length > 0
        text: root.owner ? root.owner.detail : ""
        color: root.Material.hintTextColor
        font.pixelSize: 14
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
    }
    Button {
        objectName: "emptyStateAction"
        Layout.alignment: Qt.AlignHCenter
        visible: text.length > 0
        text: root.owner ? root.owner.actionText : ""
        flat: true
        highlighted: true
        Accessible.name: text
        onClicked: root.owner.actionTriggered()
    }
}
