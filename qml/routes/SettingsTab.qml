import Plenary.Ui

// The settings tab as its TabLoader loads it by URL, so start-up does not compile the page.
SettingsPage {
    id: root

    readonly property TabLoader tab: root.parent as TabLoader

    controller: root.tab ? root.tab.controller : null
    settings: root.tab ? root.tab.settings : null
    onConferencesRequested: root.tab.conferencesRequested()
}
