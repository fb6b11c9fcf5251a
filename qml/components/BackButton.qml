import QtQuick
import QtQuick.Controls

// The header's back arrow. AppShell loads it by URL when a page is pushed, so start-up does not compile it.
ToolButton {
    text: "‹"
    font.pixelSize: 28
    Accessible.name: qsTr("Back")
}
