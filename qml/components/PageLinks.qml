import QtQml
import Plenary.Models

// What a detail page pushed on the app's stack reads and asks for, handed to it when pushed, since Qt 6.4's
// linter cannot follow ids of the enclosing file into the page's component.
QtObject {
    id: root

    property ConferenceController controller

    signal sessionRequested(string sessionId)
    signal speakerRequested(string speakerId)
    signal conferenceOpened()
}
