import QtQuick
import QtQuick.Controls.impl
import QtQuick.Controls.Material
import QtQuick.Templates as T
import Plenary.Ui

// A search box with a clear button; Esc clears it first. The Material text field's look (underline, hint
// colours, blinking accent cursor) on the template: it is on the first page, where every Material control
// would be one more QML file for the loader at start-up.
T.TextField {
    id: root

    signal escapePressed()

    implicitWidth: implicitBackgroundWidth + leftInset + rightInset
                   || Math.max(contentWidth, placeholder.implicitWidth) + leftPadding + rightPadding
    implicitHeight: Math.max(implicitBackgroundHeight + topInset + bottomInset,
                             contentHeight + topPadding + bottomPadding,
                             placeholder.implicitHeight + topPadding + bottomPadding)
    topPadding: 8
    bottomPadding: 16
    leftPadding: 36
    rightPadding: root.text.length > 0 ? 40 : 12
    color: root.enabled ? root.Material.foreground : root.Material.hintTextColor
    selectionColor: root.Material.accentColor
    selectedTextColor: root.Material.primaryHighlightedTextColor
    placeholderTextColor: root.Material.hintTextColor
    verticalAlignment: TextInput.AlignVCenter
    inputMethodHints: Qt.ImhNoPredictiveText
    selectByMouse: true
    Accessible.role: Accessible.EditableText
    Accessible.name: root.placeholderText
    Accessible.searchEdit: true

    cursorDelegate: Rectangle {
        id: cursor
        // The field is reached through the parent: Qt 6.4's qmllint cannot follow ids into a component.
        readonly property T.TextField field: cursor.parent as T.TextField
        readonly property var styleHints: Qt.styleHints
        readonly property bool blinking: cursor.field !== null && cursor.field.activeFocus && !cursor.field.readOnly

        color: cursor.field ? cursor.field.Material.accentColor : "transparent"
        width: 2
        visible: cursor.blinking && cursor.field.selectionStart === cursor.field.selectionEnd

        Connections {
            target: cursor.field
            function onCursorPositionChanged() {
                // A moving cursor stays visible.
                cursor.opacity = 1
                blink.restart()
            }
        }
        Timer {
            id: blink
            running: cursor.blinking && interval != 0
            repeat: true
            interval: cursor.styleHints.cursorFlashTime / 2
            onTriggered: cursor.opacity = !cursor.opacity ? 1 : 0
            onRunningChanged: cursor.opacity = 1
        }
    }

    PlaceholderText {
        id: placeholder
        x: root.leftPadding
        y: root.topPadding
        width: root.width - (root.leftPadding + root.rightPadding)
        height: root.height - (root.topPadding + root.bottomPadding)
        text: root.placeholderText
        font: root.font
        color: root.placeholderTextColor
        verticalAlignment: root.verticalAlignment
        elide: Text.ElideRight
        renderType: root.renderType
        visible: !root.length && !root.preeditText && (!root.activeFocus || root.horizontalAlignment !== Qt.AlignHCenter)
    }

    background: Rectangle {
        y: root.height - height - root.bottomPadding + 8
        implicitWidth: 120
        height: root.activeFocus || (root.enabled && root.hovered) ? 2 : 1
        color: root.activeFocus ? root.Material.accentColor
             : ((root.enabled && root.hovered) ? root.Material.primaryTextColor : root.Material.hintTextColor)
    }

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
        source: "ClearSearchButton.qml"
        Connections {
            target: clearButton.item
            function onClicked() {
                root.clear()
            }
        }
    }
}
