import QtQuick
import QtTest
import Plenary.Models
import Plenary.Ui

// Bottom navigation, pushed pages, Back/Esc, the wide layout and Ctrl+F.
TestCase {
    id: testCase
    name: "Navigation"
    width: 420
    height: 860
    // TestCase is invisible by default; the controls under test must be visible to take input.
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

    function firstSessionId() {
        return conference.sessions.data(conference.sessions.index(0, 0), SessionListModel.IdRole)
    }

    function initTestCase() {
        verify(conference.loadFile(":/plenary/sample/conference.json"))
        verify(conference.sessionCount > 100)
    }

    function test_tabs() {
        const shell = createTemporaryObject(shellComponent, testCase)
        verify(shell)
        compare(shell.currentTab, 0)
        verify(!shell.wide)
        for (const tab of [1, 2, 3, 4, 5, 0]) {
            shell.showTab(tab)
            compare(shell.currentTab, tab)
        }
        verify(shell.showPage("venue"))
        compare(shell.currentTab, 3)
        verify(shell.showPage("agenda"))
        compare(shell.currentTab, 4)
        verify(!shell.showPage("no-such-page"))
        compare(shell.currentTab, 4)
    }

    function test_sessionPageAndBack() {
        const shell = createTemporaryObject(shellComponent, testCase)
        shell.openSession(firstSessionId())
        tryCompare(shell, "depth", 2)
        verify(shell.back())
        tryCompare(shell, "depth", 1)
        shell.showPage("speakers")
        shell.openSpeaker(conference.speakers.data(conference.speakers.index(0, 0), SpeakerListModel.IdRole))
        tryCompare(shell, "depth", 2)
        keyClick(Qt.Key_Escape)
        tryCompare(shell, "depth", 1)
        compare(shell.currentTab, 2)
        keyClick(Qt.Key_Escape)
        compare(shell.currentTab, 0)
        verify(!shell.back())
    }

    Component {
        id: wideShellComponent
        AppShell {
            width: 1280
            height: 800
            controller: conference
            settings: appSettings
        }
    }

    function test_wideLayoutShowsDetailsBeside() {
        const shell = createTemporaryObject(wideShellComponent, testCase)
        verify(shell.wide)
        shell.openSession(firstSessionId())
        compare(shell.depth, 1)
        compare(shell.detailSessionId, firstSessionId())
        shell.showTab(2)
        shell.openSession(firstSessionId())
        tryCompare(shell, "depth", 2)
    }

    function test_findShortcutFocusesSearch() {
        const shell = createTemporaryObject(shellComponent, testCase)
        shell.showTab(3)
        const search = findChild(shell, "scheduleSearch")
        verify(search)
        verify(!search.activeFocus)
        keySequence(StandardKey.Find)
        compare(shell.currentTab, 0)
        tryVerify(() => search.activeFocus)
    }
}
