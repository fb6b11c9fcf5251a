import Plenary.Ui

// A speaker's page as the app's stack pushes it, by URL, with its PageLinks.
SpeakerPage {
    id: root

    property PageLinks links

    controller: root.links ? root.links.controller : null
    onSessionClicked: (id) => root.links.sessionRequested(id)
}
