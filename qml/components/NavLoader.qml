import QtQuick

// Makes the navigation bar or rail (its sourceComponent) when active, and keeps the made one in step with the
// shell: destinations and current tab down, the chosen tab up.
Loader {
    id: root

    property int currentIndex: 0
    property var destinations: []

    signal selected(int index)

    Binding {
        target: root.item
        property: "destinations"
        value: root.destinations
        when: root.item !== null
    }
    Binding {
        target: root.item
        property: "currentIndex"
        value: root.currentIndex
        when: root.item !== null
    }
    Connections {
        target: root.item
        function onSelected(index) {
            root.selected(index)
        }
    }
}
