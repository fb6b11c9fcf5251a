import QtQuick
import QtQuick.Controls
import QtTest
import Plenary.Models
import Plenary.Ui

// The shell's lazy tabs (created on first show, wired to the controller) and what their pages and the pushed
// detail pages ask for (open a session or speaker, browse, conferences) reaching the shell.
TestCase {
    id: testCase
    name: "ShellRouting"
    width: 420
    height: 860
    visible: true
    when: windowShown

    ConferenceController {
        id: conference
    }
    AppSettings {
        id: appSettings
    }
    Component {
        id: shellComponent
        AppShell {
            width: testCase.width
            height: testCase.height
            controller: conference
            settings: appSettings
        }
    }

    function initTestCase() {
        verify(conference.loadFile(":/plenary/sample/conference.json"))
    }
    // The items under `item` (itself included) for which `pred` holds, depth first.
    function walk(item, pred, out) {
        if (pred(item))
            out.push(item)
        for (let i = 0; i < item.children.length; ++i)
            walk(item.children[i], pred, out)
        return out
    }
    // The tab loaders, in tab order (now, speakers, venue, agenda, settings).
    function loaders(shell) {
        return walk(shell, (o) => o.sourceComponent !== undefined && o.selectedSessionId !== undefined, [])
    }
    // The detail page on top of the shell's stack.
    function topPage(shell) {
        const pages = walk(shell, (o) => o.links !== undefined && o.visible && o.StackView.status === StackView.Active, [])
        return pages[pages.length - 1]
    }
    function test_lazyTabs() {
        const shell = createTemporaryObject(shellComponent, testCase)
        const ls = loaders(shell)
        compare(ls.length, 5)
        compare(ls.filter(l => l.active).length, 0)
        shell.showTab(4)
        compare(ls.filter(l => l.active).length, 1)
        const agenda = ls[3].item
        verify(agenda)
        compare(agenda.controller, conference)
        compare(agenda.wide, false)
        compare(agenda.width, shell.width)
        agenda.browseRequested()
        compare(shell.currentTab, 0)
        shell.showTab(4)
        const sid = conference.sessions.data(conference.sessions.index(0, 0), SessionListModel.IdRole)
        agenda.sessionClicked(sid)
        tryCompare(shell, "depth", 2)
        shell.showTab(5)
        compare(ls.filter(l => l.active).length, 2)
        compare(ls[4].item.settings, appSettings)
        ls[4].item.conferencesRequested()
        tryCompare(shell, "depth", 2)
        shell.showTab(1)
        shell.showTab(2)
        shell.showTab(3)
        compare(ls.filter(l => l.active).length, 5)
        for (const l of ls)
            compare(l.item.controller, conference)
        ls[2].item.sessionClicked(sid)
        tryCompare(shell, "depth", 2)
    }
    function test_pushedPages() {
        const shell = createTemporaryObject(shellComponent, testCase)
        const sid = conference.sessions.data(conference.sessions.index(0, 0), SessionListModel.IdRole)
        const spid = conference.speakers.data(conference.speakers.index(0, 0), SpeakerListModel.IdRole)
        shell.openSession(sid)
        tryCompare(shell, "depth", 2)
        tryVerify(() => topPage(shell) !== undefined)
        const sp = topPage(shell)
        compare(sp.controller, conference)
        compare(sp.sessionId, sid)
        sp.speakerClicked(spid)
        tryCompare(shell, "depth", 3)
        tryVerify(() => topPage(shell) && topPage(shell).speakerId === spid)
        topPage(shell).sessionClicked(sid)
        tryCompare(shell, "depth", 4)
        tryVerify(() => topPage(shell) && topPage(shell).sessionId === sid)
        topPage(shell).sessionClicked(sid)
        tryCompare(shell, "depth", 5)
        shell.openConferences()
        tryCompare(shell, "depth", 6)
        tryVerify(() => topPage(shell) && topPage(shell).sessionId === undefined && topPage(shell).speakerId === undefined)
        topPage(shell).conferenceOpened()
        tryCompare(shell, "depth", 1)
        compare(shell.currentTab, 0)
    }

    // Wide, the schedule and the agenda each keep their own session beside the list: the agenda's pane shows an
    // agenda item (its day's next, when none was picked), never the session picked in the schedule.
    function test_wideAgendaPaneShowsTheAgenda() {
        const shell = createTemporaryObject(shellComponent, testCase)
        shell.width = 1280
        shell.height = 800
        verify(shell.wide)
        const sessions = conference.sessions
        const picked = sessions.data(sessions.index(0, 0), SessionListModel.IdRole)
        const starred = sessions.data(sessions.index(1, 0), SessionListModel.IdRole)
        verify(picked !== starred)
        compare(conference.agenda.add(starred), AgendaController.Added)
        shell.openSession(picked)
        compare(shell.scheduleSessionId, picked)

        shell.showTab(4)
        compare(shell.depth, 1) // shown beside the agenda, not pushed over it
        const agendaPage = loaders(shell)[3].item
        tryCompare(agendaPage, "selectedSessionId", starred)
        compare(shell.detailSessionId, starred)
        const panes = walk(agendaPage, (o) => o.sessionId !== undefined && o.controller !== undefined
                           && o.sessionClicked !== undefined && o.visible, [])
        verify(panes.length > 0)
        for (const pane of panes)
            compare(pane.sessionId, starred)
        // Its block on the timeline is marked as the one shown.
        const blocks = walk(agendaPage, (o) => o.selected !== undefined && o.timelineStart !== undefined, [])
        compare(blocks.filter((b) => b.selected).map((b) => b.sessionId), [starred])

        shell.showTab(0)
        compare(shell.detailSessionId, picked) // the schedule's own pick is kept
        conference.agenda.remove(starred)
    }

    // Widened, the shell shows sessions in its detail pane, one after another. Every line of the fact rows (time,
    // room, language) stays inside its row: a ColumnLayout there once kept the duration where a narrower first
    // layout had put it, over the next row (Qt 6.4).
    function test_widePaneRowsKeepTheirLines() {
        // Narrow first, then widened, as a window is resized.
        const shell = createTemporaryObject(shellComponent, testCase)
        wait(50)
        shell.width = 1280
        shell.height = 800
        verify(shell.wide)
        for (let row = 0; row < Math.min(12, conference.sessions.rowCount()); ++row) {
            const sid = conference.sessions.data(conference.sessions.index(row, 0), SessionListModel.IdRole)
            shell.openSession(sid)
            compare(shell.detailSessionId, sid)
            wait(50)
            const rows = walk(shell, (o) => o.symbol !== undefined && o.detail !== undefined && o.visible, [])
            verify(rows.length >= 2, "the pane shows its fact rows")
            for (const infoRow of rows) {
                const lines = walk(infoRow, (o) => o.text !== undefined && o.font !== undefined && o.visible
                                   && o !== infoRow, [])
                for (const line of lines) {
                    const top = line.mapToItem(infoRow, 0, 0).y
                    verify(top >= 0 && top + line.height <= infoRow.height + 1,
                           "\"" + line.text + "\" lies inside its row (" + top + " + " + line.height + " <= "
                           + infoRow.height + ")")
                }
            }
        }
    }
}
