import QtQuick
import QtQuick.Controls

// The search field's clear button, loaded by URL once there is text to clear.
ToolButton {
    text: "✕"
    font.pixelSize: 14
    focusPolicy: Qt.NoFocus
    Accessible.name: qsTr("Clear search")
}
