import QtQuick
import QtTest
import Plenary.Models
import Plenary.Ui

// The header toggle switches between venue and device time, and the list's times follow.
TestCase {
    id: testCase
    name: "TimeZoneToggle"
    width: 300
    height: 80
    // TestCase is invisible by default; the controls under test must be visible to take input.
    visible: true
    when: windowShown

    ConferenceController {
        id: conference
    }
    Component {
        id: toggleComponent
        TimeZoneToggle {
            timeZone: conference.timeZone
        }
    }

    function timeTextOfFirstSession() {
        return conference.sessions.data(conference.sessions.index(0, 0), SessionListModel.TimeTextRole)
    }

    // Presses a control the way a keyboard user does: focus, then Space.
    function activate(item) {
        item.forceActiveFocus()
        verify(item.activeFocus)
        keyClick(Qt.Key_Space)
    }

    function initTestCase() {
        verify(conference.loadFile(":/plenary/sample/conference.json"))
        conference.timeZone.localeName = "en_GB"
        conference.timeZone.deviceZoneId = "Asia/Seoul"
    }

    function test_toggle() {
        const toggle = createTemporaryObject(toggleComponent, testCase)
        verify(conference.timeZone.useVenueTime)
        compare(conference.timeZone.label, "Venue time · New York")
        verify(toggle.Accessible.name.indexOf("New York") >= 0)
        const venueText = timeTextOfFirstSession()
        activate(toggle)
        verify(!conference.timeZone.useVenueTime)
        compare(conference.timeZone.label, "Your time")
        const deviceText = timeTextOfFirstSession()
        verify(deviceText !== venueText, deviceText)
        // Seoul is 13 hours ahead of New York in May.
        const venueHour = parseInt(venueText.substring(0, 2))
        const deviceHour = parseInt(deviceText.substring(0, 2))
        compare((venueHour + 13) % 24, deviceHour)
        mouseClick(toggle)
        verify(conference.timeZone.useVenueTime)
        compare(timeTextOfFirstSession(), venueText)
    }
}
