import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Plenary.Ui

// A menu of filter options ([{id or value, name}]) headed by an "All ..." entry.
Menu {
    id: root

    property string allText
    property var options: []
    property string valueKey: "id"
    property var current
    property var noneValue: ""

    signal chosen(var value)

    Material.elevation: 0
    background: Rectangle {
        implicitWidth: 220
        implicitHeight: 40
        radius: 4
        color: root.Material.dialogColor
        border.color: root.Material.dividerColor
    }

    MenuItem {
        text: root.allText
        checkable: true
        checked: root.current === root.noneValue
        Accessible.name: root.allText
        onTriggered: root.chosen(root.noneValue)
    }

    Instantiator {
        model: root.options
        delegate: MenuItem {
            id: item
            required property var modelData
            text: item.modelData.name
            checkable: true
            checked: root.current === item.modelData[root.valueKey]
            Accessible.name: item.modelData.name
            onTriggered: root.chosen(item.modelData[root.valueKey])
        }
        onObjectAdded: (index, object) => root.insertItem(index + 1, object)
        onObjectRemoved: (index, object) => root.removeItem(object)
    }
}
