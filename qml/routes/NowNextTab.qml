import Plenary.Ui

// The "Now and next" tab as its TabLoader loads it by URL, so start-up does not compile the page. It reads and
// asks for what it needs through its loader.
NowNextPage {
    id: root

    readonly property TabLoader tab: root.parent as TabLoader

    controller: root.tab ? root.tab.controller : null
    onSessionClicked: (id) => root.tab.sessionClicked(id)
}
