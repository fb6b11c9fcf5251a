import Plenary.Ui

// The speakers tab as its TabLoader loads it by URL, so start-up does not compile the page.
SpeakersPage {
    id: root

    readonly property TabLoader tab: root.parent as TabLoader

    controller: root.tab ? root.tab.controller : null
    onSpeakerClicked: (id) => root.tab.speakerClicked(id)
}
