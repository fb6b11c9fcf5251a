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
    // Set when the menu is first opened; see the Instantiator.
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

    // The entries, "All ..." first, are made when the menu is first opened: a big schedule has a hundred of
    // them, and even the one "All ..." item of each of the filter bar's menus costs start-up time.
    Instantiator {
        active: root.populated
        model: root.options.length + 1
        delegate: MenuItem {
            id: item
            required property int index
            // The menu is reached through the item: Qt 6.4's qmllint cannot follow ids into a delegate.
            readonly property OptionMenu owner: item.menu as OptionMenu
            readonly property var entry: item.owner && item.index > 0 ? item.owner.options[item.index - 1] : null
            readonly property string name: item.entry ? item.entry.name : (item.owner ? item.owner.allText : "")
            readonly property var value: !item.owner ? undefined
                                         : item.entry ? item.entry[item.owner.valueKey] : item.owner.noneValue
            text: item.name
            checkable: true
            checked: item.owner ? item.owner.current === item.value : false
            Accessible.name: item.name
            onTriggered: item.owner.chosen(item.value)
        }
        onObjectAdded: (index, object) => root.insertItem(index, object)
        onObjectRemoved: (index, object) => root.removeItem(object)
    }
}
