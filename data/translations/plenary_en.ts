<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgendaItemDelegate</name>
    <message>
        <source>Personal · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer in the schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unstar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from my agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn the reminder off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn the reminder on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waitlist #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give back your seat in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgendaPage</name>
    <message>
        <source>My agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your agenda is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Star sessions in the schedule and they show up here, day by day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse the schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export my agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import an agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 change to your agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changes to your agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+ Add item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing on this day</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AppShell</name>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now and next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plenary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConferenceDelegate</name>
    <message>
        <source>%1 (open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from this device</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConferencesPage</name>
    <message>
        <source>Conferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a conference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://… or /path/to/schedule.xml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule address or file path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add conference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conferences on this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conferences you add are kept here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A schedule’s web address or file path: Plenary feeds, Pentabarf/frab XML, frab JSON or iCalendar. The address of a Plenary feed server (e.g. https://conf.example.org) also turns on live seats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow unencrypted connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed for this run (--allow-http).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off: plain http:// is only used on this device (localhost). Anyone on the network can read and change unencrypted traffic.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DayTabs</name>
    <message>
        <source>Conference days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>1 filter · Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 filters · Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 active filters. Clear all filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Track</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by track: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tracks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by session type: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Floor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by floor: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All floors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by room: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by level: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seats left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only sessions with reservable seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only sessions in my agenda</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>%1 · Plenary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plenary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NowNextDelegate</name>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress of the running session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next in %1 min · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next at %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NowNextPage</name>
    <message>
        <source>Now &amp; Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now and next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rooms with sessions now or soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is on right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next session starts %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conference is over.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OnlineIndicator</name>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonalItemDialog</name>
    <message>
        <source>Edit item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Plenary::AgendaModel</name>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back in the schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You hold a seat in %1 at the same time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item is no longer in your agenda.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is nothing to fix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your agenda could not be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the item a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a date (YYYY-MM-DD) and a start time (HH:MM).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end must not be before the start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read or written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not an agenda exported by Plenary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported 1 item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported 1 new item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 new items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of another conference skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You asked for a seat in %1 at the same time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are on the waitlist for %1 at the same time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (in your agenda) overlaps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your seat could not be released right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your seat is being released.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Plenary::ConferenceController</name>
    <message>
        <source>Enter a web address or the path of a schedule file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is neither a web address (http or https) nor a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the schedule: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading is not available in this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not get %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened, but it could not be kept on this device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened “%1” · 1 session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened “%1” · %2 sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The conference “%1” could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not encrypted (http://). Plenary uses plain http only on this device (localhost); use https://, or turn on “Allow unencrypted connections” (or start it with --allow-http).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated to schedule version %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing schedule version %1, but it could not be kept on this device.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Plenary::ReminderService</name>
    <message>
        <source>In %1 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In 1 minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Plenary::SeatsController</name>
    <message>
        <source>That badge code is not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not sign in (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the code printed on your badge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session is full. You can join the waitlist instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You already have a seat in a session at the same time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session does not take reservations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no reservation for this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests. Please try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reservation was refused (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live seats are off: %1 is not encrypted (http://). Plenary uses plain http only on this device (localhost) unless “Allow unencrypted connections” is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have a seat in “%1”: you moved up from the waitlist.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Plenary::SessionDetails</name>
    <message>
        <source>, </source>
        <comment>between language names</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Plenary::SessionListModel</name>
    <message>
        <source>Talk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keynote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hands-on lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certification exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expo theater</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beginner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intermediate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Plenary::TimeZoneController</name>
    <message>
        <source>Venue time · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <comment>time range</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <extracomment>QLocale date format of a day label such as &quot;Tue 12 May&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>day and time</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Plenary::VenueModel</name>
    <message>
        <source>Rooms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QCommandLineParser</name>
    <message>
        <source>Usage: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[options]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Displays help on commandline options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Displays help including Qt specific options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Displays version information.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderStack</name>
    <message>
        <source>Snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind me again in 5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show fewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss all</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoomDelegate</name>
    <message>
        <source>%1 seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now: nothing scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search sessions, speakers, rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 result on all days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 results on all days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sessions match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing contains “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◷  Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to the sessions happening now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Clear search</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeatPanel</name>
    <message>
        <source>not updated yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated %1 s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated %1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with your badge code in Settings to reserve seats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This conference has no live seat server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are offline: this will be sent when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not possible for this session right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 seats left · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reservable seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on the waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>may be out of date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>live seats not received yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ You have a seat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are #%1 on the waitlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel reservation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave waitlist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join waitlist (#%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated %1 h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated %1 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filling</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionDelegate</name>
    <message>
        <source>%1, %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 seats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove “%1” from my agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add “%1” to my agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Reserved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waitlist #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionList</name>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionPage</name>
    <message>
        <source>This session is no longer in the schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its details show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>★  Remove from my agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>☆  Add to my agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from my agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to my agenda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also held %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conference open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conferences on this device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sessions · Switch or add a conference ›</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue time · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your time · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language: follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seat reservations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in with your badge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with badge code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind me before agenda items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder minutes before</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeakerDelegate</name>
    <message>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sessions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeakerPage</name>
    <message>
        <source>1 session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sessions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpeakersPage</name>
    <message>
        <source>Speakers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search speakers and companies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No speaker matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No speakers listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimeZoneToggle</name>
    <message>
        <source>Showing venue time, %1. Switch to your time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Showing your time. Switch to venue time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VenuePage</name>
    <message>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rooms by floor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This schedule lists no rooms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Plenary: browse a conference&apos;s sessions, speakers and rooms, and keep your own agenda.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import and open a schedule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep conferences and the agenda in DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the UI on the sample conference, visit every page, and exit non-zero on any QML warning or error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a PNG of a page and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page to show: schedule, now, speakers, venue, agenda, settings, conferences, session:&lt;id&gt;, speaker:&lt;id&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window size, e.g. 420x860.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>light or dark, for this run only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>en or ko, for this run only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pretend it is this time (ISO 8601; without an offset it is read in the conference&apos;s time zone), e.g. 2027-05-12T10:15.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit once the first frame is shown (start-up benchmarks).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the open conference&apos;s agenda as iCalendar and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge an agenda exported by Plenary into the open conference&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live seat server for the open conference (remembered), e.g. http://127.0.0.1:8080.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have a seat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow unencrypted http:// feeds and imports beyond this device (localhost is always allowed), for this run only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
