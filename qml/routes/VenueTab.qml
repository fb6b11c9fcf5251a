import Plenary.Ui

// The venue tab as its TabLoader loads it by URL, so start-up does not compile the page.
VenuePage {
    id: root

    readonly property TabLoader tab: root.parent as TabLoader

    controller: root.tab ? root.tab.controller : null
    onSessionClicked: (id) => root.tab.sessionClicked(id)
}
