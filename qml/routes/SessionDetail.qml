import Plenary.Ui

// A session's page as the app's stack pushes it, by URL, with its PageLinks.
SessionPage {
    id: root

    property PageLinks links

    controller: root.links ? root.links.controller : null
    onSpeakerClicked: (id) => root.links.speakerRequested(id)
    onSessionClicked: (id) => root.links.sessionRequested(id)
}
