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
    // The options' items are made when the menu is first opened: a big schedule has a hundred of them,
    // which would otherwise be built at start-up for a menu nobody has opened yet.
    property bool populated: false

    signal chosen(var value)

    Material.elevation: 0
    onAboutToShow: root.populated = true
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
        active: root.populated
        model: root.options
        delegate: MenuItem {
            id: item
            required property var modelData
            // The menu is reached through the item: Qt 6.4's qmllint cannot follow ids into a delegate.
            readonly property OptionMenu options: item.menu as OptionMenu
            readonly property var value: item.options ? item.modelData[item.options.valueKey] : undefined
            text: item.modelData.name
            checkable: true
            checked: item.options ? item.options.current === item.value : false
            Accessible.name: item.modelData.name
            onTriggered: item.options.chosen(item.value)
        }
        onObjectAdded: (index, object) => root.insertItem(index + 1, object)
        onObjectRemoved: (index, object) => root.removeItem(object)
    }
}
