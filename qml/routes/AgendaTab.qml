import Plenary.Ui

// The agenda tab as its TabLoader loads it by URL, so start-up neither compiles the page nor loads the file
// dialogs it imports.
AgendaPage {
    id: root

    readonly property TabLoader tab: root.parent as TabLoader

    controller: root.tab ? root.tab.controller : null
    wide: root.tab ? root.tab.wide : false
    selectedSessionId: root.tab ? root.tab.selectedSessionId : ""
    onSessionClicked: (id) => root.tab.sessionClicked(id)
    onSpeakerClicked: (id) => root.tab.speakerClicked(id)
    onBrowseRequested: root.tab.browseRequested()
}
