import QtQuick
import QtTest
import Plenary.Models
import Plenary.Ui

// The filter chips drive the proxy's filters, and "N filters · Clear" resets them.
TestCase {
    id: testCase
    name: "FilterChips"
    width: 1300
    height: 800
    // TestCase is invisible by default; the controls under test must be visible to take input.
    visible: true
    when: windowShown

    ConferenceController {
        id: conference
    }
    SessionFilterProxyModel {
        id: proxy
        sourceModel: conference.sessions
    }
    Component {
        id: barComponent
        FilterBar {
            width: 1200
            filter: proxy
            controller: conference
        }
    }

    // Presses a control the way a keyboard user does: focus, then Space.
    function activate(item) {
        item.forceActiveFocus()
        verify(item.activeFocus)
        keyClick(Qt.Key_Space)
    }

    function initTestCase() {
        verify(conference.loadFile(":/plenary/sample/conference.json"))
    }

    function cleanup() {
        proxy.clearFilters()
    }

    function test_seatsChipTogglesAndClearResets() {
        const bar = createTemporaryObject(barComponent, testCase)
        const seats = findChild(bar, "seatsChip")
        const clear = findChild(bar, "clearChip")
        verify(seats && clear)
        verify(!clear.visible)
        const all = proxy.count
        activate(seats)
        verify(proxy.onlyWithSeats)
        verify(seats.active)
        verify(proxy.count > 0 && proxy.count < all)
        compare(proxy.activeFilterCount, 1)
        verify(clear.visible)
        compare(clear.text, "1 filter · Clear")

        activate(findChild(bar, "agendaChip"))
        verify(proxy.onlyAgenda)
        compare(proxy.count, 0)
        compare(clear.text, "2 filters · Clear")

        activate(clear)
        compare(proxy.activeFilterCount, 0)
        compare(proxy.count, all)
        verify(!clear.visible)
    }

    function test_trackMenuSetsTheTrack() {
        const bar = createTemporaryObject(barComponent, testCase)
        const chip = findChild(bar, "trackChip")
        verify(chip)
        verify(!findChild(bar, "trackMenu"), "the menu is made when first opened")
        activate(chip)
        const menu = findChild(bar, "trackMenu")
        verify(menu)
        tryCompare(menu, "opened", true)
        compare(menu.count, conference.tracks.length + 1)
        const first = conference.tracks[0]
        keyClick(Qt.Key_Down)
        keyClick(Qt.Key_Down)
        keyClick(Qt.Key_Return)
        compare(proxy.track, first.id)
        compare(chip.text, first.name)
        verify(chip.active)
        tryCompare(menu, "opened", false)

        activate(chip)
        tryCompare(menu, "opened", true)
        menu.currentIndex = 1
        keyClick(Qt.Key_Up)
        compare(menu.currentIndex, 0)
        keyClick(Qt.Key_Return)
        compare(proxy.track, "")
        compare(chip.text, "Track")
    }
}
