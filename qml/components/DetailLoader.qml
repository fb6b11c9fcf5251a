import QtQuick
import Plenary.Models

// The details beside a list in the wide layout, created when first needed. Like TabLoader, it holds what its
// page reads and relays what the page asks for.
Loader {
    id: root

    property ConferenceController controller
    property string sessionId

    signal sessionClicked(string sessionId)
    signal speakerClicked(string speakerId)

    source: "../routes/SessionPane.qml"
}
