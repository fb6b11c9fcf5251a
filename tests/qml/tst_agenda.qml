import QtQuick
import QtTest
import Plenary.Models
import Plenary.Ui

// My agenda: starring two overlapping sessions marks the conflict; held seats join the agenda with a badge and
// their own conflict wording and fix; the day is a proportional timeline; a personal item is validated and
// listed; due reminders stack.
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
        id: stackComponent
        ReminderStack {
            width: 420
        }
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
        const repeater = findChild(page, "agendaRepeater")
        tryVerify(() => repeater.count > 0)
        const marker = findChild(repeater.itemAt(row), "conflictText")
        verify(marker && marker.visible)
        verify(marker.text.endsWith("(in your agenda) overlaps"))
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
        const repeater = findChild(page, "agendaRepeater")
        tryVerify(() => repeater.itemAt(found) !== null)
        compare(repeater.itemAt(found).title, "Team dinner")
        compare(conference.agendaItems.removePersonalItem(agendaValue(found, AgendaModel.PersonalIdRole)),
                AgendaModel.Done)
    }

    function rowOfSession(sessionId) {
        for (let r = 0; r < conference.agendaItems.count; ++r) {
            if (agendaValue(r, AgendaModel.SessionIdRole) === sessionId)
                return r
        }
        return -1
    }
    function titleOf(sessionId) {
        for (let i = 0; i < conference.sessions.rowCount(); ++i) {
            if (sessionValue(i, SessionListModel.IdRole) === sessionId)
                return sessionValue(i, SessionListModel.TitleRole)
        }
        return ""
    }

    function test_heldSeat() {
        const page = createTemporaryObject(pageComponent, testCase)
        const pair = overlappingPair()
        compare(pair.length, 2)
        compare(conference.agenda.count, 0)
        // A seat the attendee holds shows in My Agenda without a star, with a badge.
        conference.agenda.seatHolds = { [pair[0]]: { status: AgendaController.SeatConfirmed, position: 0 } }
        const seatRow = showDayOf(page, pair[0])
        verify(seatRow >= 0)
        compare(agendaValue(seatRow, AgendaModel.SeatStatusRole), AgendaController.SeatConfirmed)
        compare(agendaValue(seatRow, AgendaModel.StarredRole), false)
        const repeater = findChild(page, "agendaRepeater")
        tryVerify(() => repeater.itemAt(seatRow) !== null)
        const badge = findChild(repeater.itemAt(seatRow), "seatBadge")
        verify(badge.visible)
        compare(badge.text, "Seat held")

        // A favourite at the same time is told apart from the seat, and unstarring it is the fix.
        compare(conference.agenda.add(pair[1]), AgendaController.Added)
        const favRow = rowOfSession(pair[1])
        verify(favRow >= 0)
        compare(agendaValue(favRow, AgendaModel.ConflictSeverityRole), AgendaModel.SeatHeld)
        compare(agendaValue(favRow, AgendaModel.ConflictTextRole),
                "You hold a seat in " + titleOf(pair[0]) + " at the same time")
        compare(agendaValue(rowOfSession(pair[0]), AgendaModel.ConflictTextRole),
                titleOf(pair[1]) + " (in your agenda) overlaps")
        tryVerify(() => repeater.itemAt(favRow) !== null)
        const unstar = findChild(repeater.itemAt(favRow), "fixButton")
        verify(unstar.visible)
        compare(unstar.text, "Unstar")
        compare(conference.agendaItems.conflictTextForSession(pair[1]),
                "You hold a seat in " + titleOf(pair[0]) + " at the same time")

        // Two seats at once: releasing one is the fix.
        conference.agenda.remove(pair[1])
        conference.agenda.seatHolds = { [pair[0]]: { status: AgendaController.SeatConfirmed, position: 0 },
                                        [pair[1]]: { status: AgendaController.SeatConfirmed, position: 0 } }
        compare(conference.agendaItems.count >= 2, true)
        let releaseRow = -1
        for (let r = 0; r < conference.agendaItems.count; ++r) {
            if (agendaValue(r, AgendaModel.FixActionRole) === AgendaModel.ReleaseSeatFix)
                releaseRow = r
        }
        verify(releaseRow >= 0)
        compare(agendaValue(releaseRow, AgendaModel.ConflictSeverityRole), AgendaModel.DoubleBooked)
        tryVerify(() => repeater.itemAt(releaseRow) !== null)
        compare(findChild(repeater.itemAt(releaseRow), "fixButton").text, "Release seat")

        // A waitlist place shows its position.
        conference.agenda.seatHolds = { [pair[0]]: { status: AgendaController.SeatWaitlisted, position: 4 } }
        const waitRow = rowOfSession(pair[0])
        tryVerify(() => repeater.itemAt(waitRow) !== null)
        compare(findChild(repeater.itemAt(waitRow), "seatBadge").text, "Waitlist #4")
        conference.agenda.seatHolds = {}
        compare(rowOfSession(pair[0]), -1)
    }

    function test_timelineGeometry() {
        const page = createTemporaryObject(pageComponent, testCase)
        const pair = overlappingPair()
        compare(conference.agenda.add(pair[0]), AgendaController.Added)
        compare(conference.agenda.add(pair[1]), AgendaController.Added)
        const first = showDayOf(page, pair[0])
        const second = rowOfSession(pair[1])
        const repeater = findChild(page, "agendaRepeater")
        tryVerify(() => repeater.itemAt(first) !== null && repeater.itemAt(second) !== null)
        const a = repeater.itemAt(first)
        const b = repeater.itemAt(second)
        // Side by side, each half the width, heights in proportion to their durations.
        verify(a.x !== b.x)
        fuzzyCompare(a.width, b.width, 1)
        verify(a.width < page.width / 2)
        compare(a.height, agendaValue(first, AgendaModel.SpanMinutesRole) * page.pxPerMinute - 2)
        compare(b.y - a.y, (agendaValue(second, AgendaModel.StartMinuteRole)
                            - agendaValue(first, AgendaModel.StartMinuteRole)) * page.pxPerMinute)
        // "Now" on that day puts the line at the right height.
        const start = agendaValue(first, AgendaModel.StartRole)
        conference.clock.now = new Date(start.getTime() + 10 * 60 * 1000)
        const line = findChild(page, "nowLine")
        tryVerify(() => line.visible)
        fuzzyCompare(line.y + 1, a.y - 1 + 10 * page.pxPerMinute, 1)
        conference.agenda.remove(pair[0])
        conference.agenda.remove(pair[1])
    }

    function test_reminderStack() {
        const stack = createTemporaryObject(stackComponent, testCase)
        stack.banners = [{ key: "c", title: "Newest", body: "In 5 minutes" },
                         { key: "b", title: "Older", body: "Now" },
                         { key: "a", title: "Oldest", body: "Now" }]
        const repeater = findChild(stack, "reminderRepeater")
        compare(repeater.count, 1)
        const more = findChild(stack, "moreRemindersButton")
        compare(more.text, "+2 more")
        mouseClick(more)
        compare(repeater.count, 3)
        waitForRendering(stack)
        const snoozed = createTemporaryQmlObject("import QtTest; SignalSpy { signalName: \"snoozed\" }", testCase)
        snoozed.target = stack
        mouseClick(findChild(repeater.itemAt(1), "snoozeButton"))
        compare(snoozed.count, 1)
        compare(snoozed.signalArguments[0][0], "b")
        stack.banners = [{ key: "c", title: "Newest", body: "In 5 minutes" }]
        compare(repeater.count, 1)
        verify(!more.visible)
    }
}
