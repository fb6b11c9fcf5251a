import QtQuick
import Plenary.Models

// A tab page created when first shown, from a file in routes/ named by its source URL. It holds what its
// page reads and relays what the page asks for, so the page reaches them through its parent, not through ids
// of the enclosing file, which Qt 6.4's qmllint cannot follow into another file.
Loader {
    id: root

    property ConferenceController controller
    property AppSettings settings
    property bool wide: false
    property string selectedSessionId

    signal sessionClicked(string sessionId)
    signal speakerClicked(string speakerId)
    signal browseRequested()
    signal conferencesRequested()
}
