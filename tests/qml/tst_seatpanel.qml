import QtQuick
import QtTest
import Plenary.Models
import Plenary.Ui
import PlenaryTest

// The seat panel against a real SeatsController fed by the real feed server on 127.0.0.1 (SeatFixture):
// available, filling, full with "join waitlist (#n)", refused, pending while offline, stale and greyed.
TestCase {
    id: testCase
    name: "SeatPanel"
    width: 420
    height: 600
    visible: true
    when: windowShown

    Component {
        id: panelComponent
        SeatPanel {
            width: testCase.width - 20
        }
    }

    function initTestCase() {
        verify(SeatFixture.start())
        tryVerify(() => SeatFixture.seatsArrived(), 5000, "live seats from the feed server")
        SeatsController.signIn(SeatFixture.badge)
        tryVerify(() => SeatsController.signedIn, 5000, "signed in")
    }

    function cleanupTestCase() {
        SeatFixture.stop()
    }

    function panel(sessionId) {
        const item = createTemporaryObject(panelComponent, testCase, {sessionId: sessionId})
        verify(item)
        return item
    }

    function part(item, name) {
        const child = findChild(item, name)
        verify(child, name)
        return child
    }

    function levelText(item) {
        const level = part(item, "seatLevel")
        return level.visible ? level.text : ""
    }

    function test_1_available() {
        const item = panel("open")
        verify(item.visible)
        compare(part(item, "seatSummary").text, "40 of 40 seats left · updated 0 s ago")
        compare(part(item, "seatSummary").opacity, 1)
        compare(levelText(item), "")
        compare(part(item, "seatAction").text, "Reserve")
        verify(part(item, "seatAction").enabled)
        verify(!part(item, "seatMine").visible)
    }

    function test_2_filling() {
        const item = panel("filling")
        compare(part(item, "seatSummary").text, "10 of 40 seats left · updated 0 s ago")
        compare(levelText(item), "Filling")
        compare(part(item, "seatAction").text, "Reserve")
    }

    function test_3_full_join_waitlist_with_position() {
        const item = panel("full")
        compare(part(item, "seatSummary").text, "0 of 2 seats left · updated 0 s ago")
        compare(part(item, "seatSummary").detail, "2 on the waitlist")
        compare(levelText(item), "Full")
        const action = part(item, "seatAction")
        compare(action.text, "Join waitlist (#3)")
        mouseClick(action)
        tryCompare(part(item, "seatMine"), "text", "You are #3 on the waitlist.", 5000)
        verify(part(item, "seatMine").visible)
        compare(action.text, "Leave waitlist")
        tryCompare(part(item, "seatSummary"), "detail", "3 on the waitlist", 5000)
    }

    function test_4_refused_message() {
        const item = panel("last")
        compare(levelText(item), "Full")
        // Asking for a seat (not the waitlist) in a full session: the server refuses, the panel says so.
        compare(SeatsController.reserve("last"), SeatsController.Sent)
        const message = part(item, "seatMessage")
        tryCompare(message, "text", "This session is full. You can join the waitlist instead.", 5000)
        verify(message.visible)
        compare(part(item, "seatAction").text, "Join waitlist (#1)")
    }

    function test_5_pending_while_offline() {
        SeatFixture.stopServer()
        tryCompare(SeatsController, "online", SeatsController.Offline, 5000)
        const item = panel("open")
        const action = part(item, "seatAction")
        mouseClick(action)
        compare(action.text, "Pending…")
        verify(!action.enabled)
        compare(part(item, "seatMessage").text, "You are offline: this will be sent when the connection is back.")
        compare(SeatsController.pendingActions, 1)
    }

    function test_6_stale_is_greyed_with_its_age() {
        SeatFixture.advanceClock(2 * 3600 + 30)
        const item = panel("filling")
        const summary = part(item, "seatSummary")
        compare(summary.text, "10 of 40 seats left · updated 2 h ago")
        verify(summary.opacity < 1)
        verify(summary.detail.indexOf("may be out of date") >= 0)
        compare(levelText(item), "Filling")
        verify(part(item, "seatLevel").opacity < 1)
    }
}
