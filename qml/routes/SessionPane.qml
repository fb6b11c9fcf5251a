import Plenary.Ui

// The session beside a list in the wide layout, as its DetailLoader loads it by URL: only when the window is
// wide, so a phone-sized window neither compiles nor builds it.
SessionPage {
    id: root

    readonly property DetailLoader pane: root.parent as DetailLoader

    controller: root.pane ? root.pane.controller : null
    sessionId: root.pane ? root.pane.sessionId : ""
    onSpeakerClicked: (id) => root.pane.speakerClicked(id)
    onSessionClicked: (id) => root.pane.sessionClicked(id)
}
