import QtQuick

// A ListView whose delegates report what was asked of them ("open", "remove") through ListView.view, since
// Qt 6.4's qmllint cannot follow ids from a delegate to the page that acts on it.
ListView {
    id: root

    signal activated(string action, var value)
}
