import QtQuick
import QtTest
import Plenary.Models
import Plenary.Ui

// My agenda: starring two overlapping sessions marks the conflict; a personal item is validated and listed.
TestCase {
    id: testCase
    name: "Agenda"
    width: 420
    height: 860
    visible: true
    when: windowShown

    ConferenceController {
        id: conference
    }
    Component {
        id: pageComponent
        AgendaPage {
            width: testCase.width
            height: testCase.height
            controller: conference
        }
    }

    function sessionValue(row, role) {
        return conference.sessions.data(conference.sessions.index(row, 0), role)
    }
    function agendaValue(row, role) {
        return conference.agendaItems.data(conference.agendaItems.index(row, 0), role)
    }
    function overlappingPair() {
        const n = conference.sessions.rowCount()
        for (let i = 0; i < n; ++i) {
            const s1 = sessionValue(i, SessionListModel.StartRole)
            const e1 = sessionValue(i, SessionListModel.EndRole)
            for (let j = i + 1; j < n; ++j) {
                const s2 = sessionValue(j, SessionListModel.StartRole)
                const e2 = sessionValue(j, SessionListModel.EndRole)
                if (s1 < e2 && s2 < e1 && e1 > s1 && e2 > s2)
                    return [sessionValue(i, SessionListModel.IdRole), sessionValue(j, SessionListModel.IdRole)]
            }
        }
        return []
    }
    function showDayOf(page, sessionId) {
        const tabs = findChild(page, "agendaDayTabs")
        for (let d = 0; d < conference.days.length; ++d) {
            tabs.currentIndex = d
            for (let r = 0; r < conference.agendaItems.count; ++r) {
                if (agendaValue(r, AgendaModel.SessionIdRole) === sessionId)
                    return r
            }
        }
        return -1
    }

    function initTestCase() {
        verify(conference.loadFile(":/plenary/sample/conference.json"))
    }
    function test_conflictMarker() {
        const page = createTemporaryObject(pageComponent, testCase)
        verify(page)
        const pair = overlappingPair()
        compare(pair.length, 2)
        compare(conference.agenda.add(pair[0]), AgendaController.Added)
        compare(conference.agenda.add(pair[1]), AgendaController.Added)
        compare(conference.agendaItems.conflictCount, 2)
        const row = showDayOf(page, pair[0])
        verify(row >= 0)
        compare(agendaValue(row, AgendaModel.ConflictSeverityRole), AgendaModel.Overlap)
        const list = findChild(page, "agendaList")
        tryVerify(() => list.count > 0)
        const marker = findChild(list.itemAtIndex(row), "conflictText")
        verify(marker && marker.visible)
        verify(marker.text.startsWith("Overlaps with "))
        // The fix button unstars one of the two; the other is then free of conflicts.
        compare(conference.agendaItems.fixConflict(agendaValue(row, AgendaModel.KeyRole)), AgendaModel.Done)
        compare(conference.agendaItems.conflictCount, 0)
        compare(conference.agenda.count, 1)
        conference.agenda.remove(pair[0])
        conference.agenda.remove(pair[1])
        compare(conference.agenda.count, 0)
    }

    function test_addPersonalItem() {
        const page = createTemporaryObject(pageComponent, testCase)
        const dialog = findChild(page, "personalItemDialog")
        mouseClick(findChild(page, "addItemButton"))
        tryVerify(() => dialog.opened)
        const title = findChild(dialog, "titleField")
        const start = findChild(dialog, "startField")
        const end = findChild(dialog, "endField")
        verify(findChild(dialog, "dateField").text.length === 10)
        title.text = ""
        start.text = "18:00"
        mouseClick(findChild(dialog, "saveButton"))
        verify(dialog.opened)
        verify(findChild(dialog, "titleError").visible)
        title.text = "Team dinner"
        end.text = "17:00"
        mouseClick(findChild(dialog, "saveButton"))
        verify(findChild(dialog, "timeError").visible)
        verify(!findChild(dialog, "titleError").visible)
        end.text = "20:00"
        mouseClick(findChild(dialog, "saveButton"))
        tryVerify(() => !dialog.visible)
        let found = -1
        for (let r = 0; r < conference.agendaItems.count; ++r) {
            if (agendaValue(r, AgendaModel.TitleRole) === "Team dinner")
                found = r
        }
        verify(found >= 0)
        compare(agendaValue(found, AgendaModel.KindRole), AgendaModel.Personal)
        const list = findChild(page, "agendaList")
        tryVerify(() => list.itemAtIndex(found) !== null)
        compare(list.itemAtIndex(found).title, "Team dinner")
        compare(conference.agendaItems.removePersonalItem(agendaValue(found, AgendaModel.PersonalIdRole)),
                AgendaModel.Done)
    }
}
