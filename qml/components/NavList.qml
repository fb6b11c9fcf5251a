import QtQuick

// The destinations of the navigation bar or rail. Its delegates read the selection and report a choice
// through ListView.view, since Qt 6.4's qmllint cannot follow ids into a delegate.
ListView {
    id: root

    property int selectedIndex: 0

    signal selected(int index)

    interactive: false
    boundsBehavior: Flickable.StopAtBounds
    keyNavigationEnabled: false
    Accessible.role: Accessible.PageTabList
}
