import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Plenary.Models
import Plenary.Ui

// What is on in every room right now, and what comes next.
Page {
    id: root

    property ConferenceController controller

    signal sessionClicked(string sessionId)

    title: qsTr("Now & Next")
    Accessible.name: qsTr("Now and next")

    header: Label {
        padding: 16
        bottomPadding: 8
        text: qsTr("Now · %1").arg(root.controller.nowNext.nowText)
        font.pixelSize: 15
        font.weight: Font.DemiBold
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }

    ListView {
        id: list
        anchors.fill: parent
        clip: true
        keyNavigationEnabled: true
        activeFocusOnTab: true
        model: root.controller.nowNext
        spacing: 0
        Accessible.role: Accessible.List
        Accessible.name: qsTr("Rooms with sessions now or soon")
        delegate: NowNextDelegate {
            onSessionClicked: (id) => root.sessionClicked(id)
        }
        Keys.onReturnPressed: list.currentItem && (list.currentItem as AbstractButton).clicked()
        ScrollBar.vertical: AppScrollBar {}
    }

    EmptyState {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 360)
        visible: list.count === 0
        symbol: "◷"
        title: qsTr("Nothing is on right now")
        detail: root.controller.nowNext.nextStartText.length > 0
                ? qsTr("The next session starts %1.").arg(root.controller.nowNext.nextStartText)
                : qsTr("The conference is over.")
    }
}
