#!/usr/bin/python3
"""Independent check of a Plenary agenda export with python3-icalendar (Debian's).

Usage: agenda_ics_check.py FILE.ics
Prints one JSON object with what the file says, for tst_agendaexporter to compare with what it expects.
"""
import datetime
import json
import sys

import icalendar

try:
    from zoneinfo import ZoneInfo
except ImportError:  # pragma: no cover
    ZoneInfo = None


def utc_iso(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return "floating:" + value.isoformat()
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return "date:" + value.isoformat()


def main(path):
    raw = open(path, "rb").read()
    physical = raw.split(b"\r\n")
    result = {
        "bytes": len(raw),
        "ends_with_crlf": raw.endswith(b"\r\n"),
        "bare_lf": raw.replace(b"\r\n", b"").count(b"\n"),
        "max_line_octets": max(len(line) for line in physical),
        "physical_lines_valid_utf8": True,
    }
    for line in physical:
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            result["physical_lines_valid_utf8"] = False

    cal = icalendar.Calendar.from_ical(raw)
    result["calendar"] = {
        "version": str(cal.get("VERSION")),
        "prodid": str(cal.get("PRODID")),
        "x_wr_calname": str(cal.get("X-WR-CALNAME", "")),
        "x_plenary_conference": str(cal.get("X-PLENARY-CONFERENCE", "")),
    }

    zones = {}
    for tz in cal.walk("VTIMEZONE"):
        tzid = str(tz["TZID"])
        zones[tzid] = tz.to_tz()
    result["vtimezones"] = sorted(zones)

    events = []
    for event in cal.walk("VEVENT"):
        start_prop = event["DTSTART"]
        start = event.decoded("DTSTART")
        tzid = start_prop.params.get("TZID", "")
        entry = {
            "uid": str(event["UID"]),
            "summary": str(event.get("SUMMARY", "")),
            "location": str(event.get("LOCATION", "")),
            "description": str(event.get("DESCRIPTION", "")),
            "url": str(event.get("URL", "")),
            "status": str(event.get("STATUS", "")),
            "transp": str(event.get("TRANSP", "")),
            "dtstamp": utc_iso(event.decoded("DTSTAMP")),
            "dtstart": utc_iso(start),
            "dtstart_tzid": str(tzid),
            "dtend": utc_iso(event.decoded("DTEND")) if "DTEND" in event else "",
            "kind": str(event.get("X-PLENARY-KIND", "")),
            "session": str(event.get("X-PLENARY-SESSION", "")),
            "item": str(event.get("X-PLENARY-ITEM", "")),
            "conference": str(event.get("X-PLENARY-CONFERENCE", "")),
            "categories": [],
            "alarms": [],
        }
        categories = event.get("CATEGORIES")
        if categories is not None:
            for group in categories if isinstance(categories, list) else [categories]:
                entry["categories"].extend(str(c) for c in group.cats)
        for alarm in event.walk("VALARM"):
            trigger = alarm.decoded("TRIGGER")
            entry["alarms"].append({
                "action": str(alarm.get("ACTION", "")),
                "trigger_seconds": int(trigger.total_seconds()),
                "description": str(alarm.get("DESCRIPTION", "")),
            })
        # The VTIMEZONE we wrote must give the same offset as the system's tz database for this time.
        if tzid:
            local = start.replace(tzinfo=None)
            entry["vtimezone_known"] = tzid in zones
            if tzid in zones and ZoneInfo is not None:
                ours = zones[tzid].localize(local).utcoffset() if hasattr(zones[tzid], "localize") \
                    else local.replace(tzinfo=zones[tzid]).utcoffset()
                theirs = local.replace(tzinfo=ZoneInfo(tzid)).utcoffset()
                entry["vtimezone_offset_seconds"] = int(ours.total_seconds())
                entry["zoneinfo_offset_seconds"] = int(theirs.total_seconds())
        events.append(entry)
    result["events"] = events
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
