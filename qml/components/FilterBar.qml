import QtQuick
import QtQuick.Layouts
import Plenary.Models
import Plenary.Ui

// Filter chips for a session list: track, type, floor/room, level, seats, agenda, and "N filters · Clear".
Flickable {
    id: root

    property SessionFilterProxyModel filter
    property ConferenceController controller
    property bool showAgendaChip: true

    implicitHeight: row.implicitHeight + 12
    contentWidth: row.implicitWidth + 24
    flickableDirection: Flickable.HorizontalFlick
    boundsBehavior: Flickable.StopAtBounds
    clip: true

    // A chip's menu is made when it is first opened, from its URL, so start-up neither compiles nor makes the
    // five menus (each a Material popup with its list); later openings show the same menu.
    function openMenu(chip, setUp) {
        if (!chip.menu) {
            const component = Qt.createComponent("OptionMenu.qml")
            const menu = component.createObject(chip)
            if (!menu) {
                console.warn(component.errorString())
                return
            }
            setUp(menu)
            chip.menu = menu
        }
        chip.menu.popup(chip, 0, chip.height)
    }

    // The chosen option's name; the chips ask only when a filter is set, since each read of a list property
    // converts the whole list for JavaScript.
    function nameOf(list, key, value, fallback) {
        for (let i = 0; i < list.length; ++i) {
            if (list[i][key] === value)
                return list[i].name
        }
        return fallback
    }

    RowLayout {
        id: row
        x: 12
        y: 6
        spacing: 8

        FilterChip {
            id: clearChip
            objectName: "clearChip"
            visible: root.filter.activeFilterCount > 0
            active: true
            text: root.filter.activeFilterCount === 1 ? qsTr("1 filter · Clear")
                                                       : qsTr("%1 filters · Clear").arg(root.filter.activeFilterCount)
            Accessible.name: qsTr("%1 active filters. Clear all filters").arg(root.filter.activeFilterCount)
            onClicked: root.filter.clearFilters()
        }
        FilterChip {
            id: trackChip
            objectName: "trackChip"
            visible: root.controller.tracks.length > 0
            hasMenu: true
            active: root.filter.track.length > 0
            text: root.filter.track.length > 0 ? root.nameOf(root.controller.tracks, "id", root.filter.track, qsTr("Track"))
                                                 : qsTr("Track")
            Accessible.name: qsTr("Filter by track: %1").arg(text)
            onClicked: root.openMenu(trackChip, (menu) => {
                menu.objectName = "trackMenu"
                menu.allText = qsTr("All tracks")
                menu.options = Qt.binding(() => root.controller.tracks)
                menu.current = Qt.binding(() => root.filter.track)
                menu.chosen.connect((value) => {
                    root.filter.track = value
                })
            })
        }
        FilterChip {
            id: typeChip
            hasMenu: true
            active: root.filter.type >= 0
            text: root.filter.type >= 0 ? root.nameOf(root.controller.types, "value", root.filter.type, qsTr("Type"))
                                          : qsTr("Type")
            Accessible.name: qsTr("Filter by session type: %1").arg(text)
            onClicked: root.openMenu(typeChip, (menu) => {
                menu.allText = qsTr("All types")
                menu.options = Qt.binding(() => root.controller.types)
                menu.valueKey = "value"
                menu.current = Qt.binding(() => root.filter.type)
                menu.noneValue = -1
                menu.chosen.connect((value) => {
                    root.filter.type = value
                })
            })
        }
        FilterChip {
            id: floorChip
            visible: root.controller.floors.length > 0
            hasMenu: true
            active: root.filter.floor.length > 0
            text: root.filter.floor.length > 0 ? root.nameOf(root.controller.floors, "id", root.filter.floor, qsTr("Floor"))
                                                 : qsTr("Floor")
            Accessible.name: qsTr("Filter by floor: %1").arg(text)
            onClicked: root.openMenu(floorChip, (menu) => {
                menu.allText = qsTr("All floors")
                menu.options = Qt.binding(() => root.controller.floors)
                menu.current = Qt.binding(() => root.filter.floor)
                menu.chosen.connect((value) => {
                    root.filter.floor = value
                })
            })
        }
        FilterChip {
            id: roomChip
            hasMenu: true
            active: root.filter.room.length > 0
            text: root.filter.room.length > 0 ? root.nameOf(root.controller.rooms, "id", root.filter.room, qsTr("Room"))
                                                : qsTr("Room")
            Accessible.name: qsTr("Filter by room: %1").arg(text)
            onClicked: root.openMenu(roomChip, (menu) => {
                menu.allText = qsTr("All rooms")
                menu.options = Qt.binding(() => root.controller.rooms)
                menu.current = Qt.binding(() => root.filter.room)
                menu.chosen.connect((value) => {
                    root.filter.room = value
                })
            })
        }
        FilterChip {
            id: levelChip
            visible: root.controller.levels.length > 0
            hasMenu: true
            active: root.filter.level.length > 0
            text: root.filter.level.length > 0 ? root.nameOf(root.controller.levels, "id", root.filter.level, qsTr("Level"))
                                                 : qsTr("Level")
            Accessible.name: qsTr("Filter by level: %1").arg(text)
            onClicked: root.openMenu(levelChip, (menu) => {
                menu.allText = qsTr("All levels")
                menu.options = Qt.binding(() => root.controller.levels)
                menu.current = Qt.binding(() => root.filter.level)
                menu.chosen.connect((value) => {
                    root.filter.level = value
                })
            })
        }
        FilterChip {
            objectName: "seatsChip"
            text: qsTr("Seats left")
            active: root.filter.onlyWithSeats
            Accessible.name: qsTr("Only sessions with reservable seats")
            onClicked: root.filter.onlyWithSeats = !root.filter.onlyWithSeats
        }
        FilterChip {
            visible: root.showAgendaChip
            objectName: "agendaChip"
            text: qsTr("My agenda")
            active: root.filter.onlyAgenda
            Accessible.name: qsTr("Only sessions in my agenda")
            onClicked: root.filter.onlyAgenda = !root.filter.onlyAgenda
        }
    }
}
