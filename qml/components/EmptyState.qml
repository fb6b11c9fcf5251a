import QtQuick
import QtQuick.Layouts
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
        // By URL: see EmptyStateContent.qml.
        source: "EmptyStateContent.qml"
    }
}
