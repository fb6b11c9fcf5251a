import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Plenary.Ui

// The conference days as tabs.
TabBar {
    id: root

    property var days: []

    Accessible.role: Accessible.PageTabList
    Accessible.name: qsTr("Conference days")

    Repeater {
        model: root.days
        delegate: TabButton {
            id: tab
            required property var modelData
            text: tab.modelData.label
            Accessible.name: tab.modelData.label
        }
    }
}
