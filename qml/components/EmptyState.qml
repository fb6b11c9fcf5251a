import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Plenary.Ui

// What a list shows when it has nothing: a symbol, a sentence, and optionally one action. Its content is
// made when it is shown: lists are seldom empty, and even hidden, the content would load its fonts at start-up.
ColumnLayout {
    id: root

    property string symbol: "∅"
    property string title
    property string detail
    property string actionText

    signal actionTriggered()

    Loader {
        Layout.fillWidth: true
        active: root.visible
        sourceComponent: ColumnLayout {
            id: content
            // The state is reached through the loader: Qt 6.4's qmllint cannot follow ids into a component.
            readonly property EmptyState owner: content.parent ? content.parent.parent as EmptyState : null

            spacing: 8

            Glyph {
                Layout.alignment: Qt.AlignHCenter
                text: content.owner ? content.owner.symbol : ""
                size: 40
                opacity: 0.5
            }
            Text {
                Layout.fillWidth: true
                text: content.owner ? content.owner.title : ""
                color: content.Material.foreground
                font.pixelSize: 17
                font.weight: Font.DemiBold
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
            Text {
                Layout.fillWidth: true
                visible: text.length > 0
                text: content.owner ? content.owner.detail : ""
                color: content.Material.hintTextColor
                font.pixelSize: 14
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
            }
            Button {
                objectName: "emptyStateAction"
                Layout.alignment: Qt.AlignHCenter
                visible: text.length > 0
                text: content.owner ? content.owner.actionText : ""
                flat: true
                highlighted: true
                Accessible.name: text
                onClicked: content.owner.actionTriggered()
            }
        }
    }
}
