import QtQuick
import QtQuick.Controls.Material
import Plenary.Ui

// A symbol drawn from the UI font (the app ships no icon files).
Text {
    id: root

    property real size: 20

    color: Material.foreground
    font.pixelSize: root.size
    horizontalAlignment: Text.AlignHCenter
    verticalAlignment: Text.AlignVCenter
    Accessible.ignored: true
}
