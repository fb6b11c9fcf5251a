import Plenary.Ui

// The conferences page as the app's stack pushes it, by URL, with its PageLinks.
ConferencesPage {
    id: root

    property PageLinks links

    controller: root.links ? root.links.controller : null
    onConferenceOpened: root.links.conferenceOpened()
}
