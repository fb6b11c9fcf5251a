import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Plenary.Ui

// A search box with a clear button; Esc clears it first.
TextField {
    id: root

    signal escapePressed()

    leftPadding: 36
    rightPadding: root.text.length > 0 ? 40 : 12
    inputMethodHints: Qt.ImhNoPredictiveText
    selectByMouse: true
    Accessible.role: Accessible.EditableText
    Accessible.name: root.placeholderText
    Accessible.searchEdit: true

    Keys.onEscapePressed: (event) => {
        if (root.text.length > 0)
            root.clear()
        else
            root.escapePressed()
    }

    Glyph {
        anchors.left: parent.left
        anchors.leftMargin: 8
        anchors.verticalCenter: parent.verticalCenter
        text: "⌕"
        size: 20
        opacity: 0.6
    }
    // Made when there is text to clear, not at start-up.
    Loader {
        id: clearButton
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        active: root.text.length > 0
        sourceComponent: ToolButton {
            text: "✕"
            font.pixelSize: 14
            focusPolicy: Qt.NoFocus
            Accessible.name: qsTr("Clear search")
        }
        Connections {
            target: clearButton.item
            function onClicked() {
                root.clear()
            }
        }
    }
}
