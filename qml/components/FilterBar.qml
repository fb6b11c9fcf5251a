import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Controls.Material
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
            text: root.nameOf(root.controller.tracks, "id", root.filter.track, qsTr("Track"))
            Accessible.name: qsTr("Filter by track: %1").arg(text)
            onClicked: trackMenu.popup(trackChip, 0, trackChip.height)
            OptionMenu {
                id: trackMenu
                objectName: "trackMenu"
                allText: qsTr("All tracks")
                options: root.controller.tracks
                current: root.filter.track
                onChosen: (value) => root.filter.track = value
            }
        }
        FilterChip {
            id: typeChip
            hasMenu: true
            active: root.filter.type >= 0
            text: root.nameOf(root.controller.types, "value", root.filter.type, qsTr("Type"))
            Accessible.name: qsTr("Filter by session type: %1").arg(text)
            onClicked: typeMenu.popup(typeChip, 0, typeChip.height)
            OptionMenu {
                id: typeMenu
                allText: qsTr("All types")
                options: root.controller.types
                valueKey: "value"
                current: root.filter.type
                noneValue: -1
                onChosen: (value) => root.filter.type = value
            }
        }
        FilterChip {
            id: floorChip
            visible: root.controller.floors.length > 0
            hasMenu: true
            active: root.filter.floor.length > 0
            text: root.nameOf(root.controller.floors, "id", root.filter.floor, qsTr("Floor"))
            Accessible.name: qsTr("Filter by floor: %1").arg(text)
            onClicked: floorMenu.popup(floorChip, 0, floorChip.height)
            OptionMenu {
                id: floorMenu
                allText: qsTr("All floors")
                options: root.controller.floors
                current: root.filter.floor
                onChosen: (value) => root.filter.floor = value
            }
        }
        FilterChip {
            id: roomChip
            hasMenu: true
            active: root.filter.room.length > 0
            text: root.nameOf(root.controller.rooms, "id", root.filter.room, qsTr("Room"))
            Accessible.name: qsTr("Filter by room: %1").arg(text)
            onClicked: roomMenu.popup(roomChip, 0, roomChip.height)
            OptionMenu {
                id: roomMenu
                allText: qsTr("All rooms")
                options: root.controller.rooms
                current: root.filter.room
                onChosen: (value) => root.filter.room = value
            }
        }
        FilterChip {
            id: levelChip
            visible: root.controller.levels.length > 0
            hasMenu: true
            active: root.filter.level.length > 0
            text: root.nameOf(root.controller.levels, "id", root.filter.level, qsTr("Level"))
            Accessible.name: qsTr("Filter by level: %1").arg(text)
            onClicked: levelMenu.popup(levelChip, 0, levelChip.height)
            OptionMenu {
                id: levelMenu
                allText: qsTr("All levels")
                options: root.controller.levels
                current: root.filter.level
                onChosen: (value) => root.filter.level = value
            }
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
