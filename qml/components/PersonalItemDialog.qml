import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
import Plenary.Models
import Plenary.Ui

// Adds or edits a personal agenda item; the model checks the fields and the message shows by the field.
Dialog {
    id: root

    property AgendaModel agenda
    property string itemId
    property int outcome: AgendaModel.Done

    function openFor(id) {
        root.itemId = id
        root.outcome = AgendaModel.Done
        const fields = id.length > 0 && root.agenda ? root.agenda.personalItemFields(id) : ({})
        titleField.text = fields.title ?? ""
        dateField.text = fields.date ?? (root.agenda ? root.agenda.shownDate() : "")
        startField.text = fields.start ?? ""
        endField.text = fields.end ?? ""
        placeField.text = fields.place ?? ""
        notesField.text = fields.notes ?? ""
        root.open()
        titleField.forceActiveFocus()
    }
    function save() {
        root.outcome = root.agenda.savePersonalItem(root.itemId, titleField.text, dateField.text, startField.text,
                                                   endField.text, placeField.text, notesField.text)
        if (root.outcome === AgendaModel.Done)
            root.close()
    }

    title: root.itemId.length > 0 ? qsTr("Edit item") : qsTr("Add item")
    modal: true
    anchors.centerIn: Overlay.overlay
    width: Math.min(420, (parent ? parent.width : 420) - 24)

    ColumnLayout {
        anchors.left: parent.left
        anchors.right: parent.right
        spacing: 4

        TextField {
            id: titleField
            objectName: "titleField"
            Layout.fillWidth: true
            placeholderText: qsTr("Title")
            Accessible.name: qsTr("Title")
        }
        Label {
            Layout.fillWidth: true
            objectName: "titleError"
            visible: root.outcome === AgendaModel.EmptyTitle
            text: root.agenda ? root.agenda.resultText(root.outcome) : ""
            color: root.Material.color(Material.Red)
            font.pixelSize: 12
            wrapMode: Text.Wrap
        }
        RowLayout {
            Layout.fillWidth: true
            TextField {
                id: dateField
                objectName: "dateField"
                Layout.fillWidth: true
                placeholderText: qsTr("Date (YYYY-MM-DD)")
                Accessible.name: qsTr("Date")
            }
            TextField {
                id: startField
                objectName: "startField"
                Layout.preferredWidth: 72
                placeholderText: qsTr("Start")
                inputMethodHints: Qt.ImhTime
                Accessible.name: qsTr("Start time")
            }
            TextField {
                id: endField
                objectName: "endField"
                Layout.preferredWidth: 72
                placeholderText: qsTr("End")
                inputMethodHints: Qt.ImhTime
                Accessible.name: qsTr("End time")
            }
        }
        Label {
            Layout.fillWidth: true
            objectName: "timeError"
            visible: root.outcome === AgendaModel.NoStart || root.outcome === AgendaModel.EndBeforeStart
                     || root.outcome === AgendaModel.NotStored
            text: root.agenda ? root.agenda.resultText(root.outcome) : ""
            color: root.Material.color(Material.Red)
            font.pixelSize: 12
            wrapMode: Text.Wrap
        }
        TextField {
            id: placeField
            Layout.fillWidth: true
            placeholderText: qsTr("Place")
            Accessible.name: qsTr("Place")
        }
        TextField {
            id: notesField
            Layout.fillWidth: true
            placeholderText: qsTr("Notes")
            Accessible.name: qsTr("Notes")
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: 8
            Button {
                visible: root.itemId.length > 0
                flat: true
                text: qsTr("Delete")
                onClicked: {
                    root.agenda.removePersonalItem(root.itemId)
                    root.close()
                }
            }
            Item {
                Layout.fillWidth: true
            }
            Button {
                flat: true
                text: qsTr("Cancel")
                onClicked: root.close()
            }
            Button {
                objectName: "saveButton"
                text: qsTr("Save")
                highlighted: true
                onClicked: root.save()
            }
        }
    }
}
