#pragma once

// A small conference in New York for the model tests: two days, floors, an off-site room, accented and Korean
// text, a seat-limited lab, a keynote with two speakers.
#include "conference.h"

#include <QTimeZone>

namespace Plenary::Fixture {

inline QDateTime nyc(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2027, month, day), QTime(hour, minute), QTimeZone("America/New_York"));
}

inline Session makeSession(const char *id, const char *title, SessionType type, const char *room,
                           QDateTime start, int minutes)
{
    Session s;
    s.guid = QString::fromUtf8(id);
    s.title = QString::fromUtf8(title);
    s.type = type;
    s.roomId = QString::fromUtf8(room);
    s.start = start;
    s.end = start.addSecs(minutes * 60);
    return s;
}

inline Conference conference()
{
    Conference c;
    c.id = "nyc-test";
    c.title = "NYC Test Conf";
    c.timeZone = QTimeZone("America/New_York");
    c.venue.name = "Harbor Convention Center";
    c.venue.floors = {Floor{"f4", "Floor 4", 4}, Floor{"f3", "Floor 3 · Expo", 3}};
    c.venue.rooms = {Room{"main-hall", "Main Hall", "f4", {}, {}, 3000},
                     Room{"lab-1", "Lab 1", "f3", {}, {}, 40},
                     Room{"hq", "Vendor HQ Rooftop", {}, {}, "100 Hudson St", std::nullopt}};
    c.days = {Day{QDate(2027, 5, 11), nyc(5, 11, 7), nyc(5, 12, 2)},
              Day{QDate(2027, 5, 12), nyc(5, 12, 7), nyc(5, 13, 2)}};
    c.tracks = {Track{"observability", "Observability", "#1e88e5"},
                Track{"cloud", "Cloud Native", "#43a047"}};
    c.speakers = {
        Speaker{"ada", "Ada Park", "Example Corp", "Runs the platform team.", {}},
        Speaker{"minjun", QString::fromUtf8("이민준 (Min-jun Lee)"), "Seoul Systems", "SRE lead.", {}},
        Speaker{"emile", QString::fromUtf8("Émile Zola"), QString::fromUtf8("Café Société"), {}, {}}};

    Session keynote =
        makeSession("keynote", "Opening Keynote", SessionType::Keynote, "main-hall", nyc(5, 12, 9), 60);
    keynote.speakerIds = {"ada", "minjun"};
    keynote.abstractText = "Welcome to New York.";

    Session lab = makeSession("lab", "Hands-on: Tracing a Slow Checkout", SessionType::HandsOnLab, "lab-1",
                              nyc(5, 11, 9), 180);
    lab.trackId = "observability";
    lab.level = "intermediate";
    lab.seatCapacity = 40;
    lab.registrationRequired = true;
    lab.speakerIds = {"ada"};
    lab.abstractText = "Bring a laptop. We follow one request through twelve services.";
    lab.tags = {"tracing", "opentelemetry"};

    Session cafe = makeSession("cafe", "Café culture and résumé parsing", SessionType::Talk, "main-hall",
                               nyc(5, 11, 13), 30);
    cafe.trackId = "cloud";
    cafe.level = "beginner";
    cafe.speakerIds = {"emile"};
    cafe.abstractText = QString::fromUtf8("Naïve approaches fail on real CVs.");

    Session korean = makeSession("korean", "", SessionType::Talk, "lab-1", nyc(5, 12, 11), 45);
    korean.title = QString::fromUtf8("한국어 세션: 관측성 입문");
    korean.trackId = "observability";
    korean.level = "beginner";
    korean.languages = {"ko"};
    korean.speakerIds = {"minjun"};
    korean.abstractText = QString::fromUtf8("서울에서 뉴욕까지 관측성 이야기.");

    Session night = makeSession("night", "Customer Night", SessionType::Social, "hq", nyc(5, 12, 19), 270);
    night.registrationRequired = true;

    Session lunch = makeSession("lunch", "Lunch", SessionType::Break, "main-hall", nyc(5, 12, 12), 60);

    c.sessions = {keynote, lab, cafe, korean, night, lunch};
    c.normalize();
    return c;
}

} // namespace Plenary::Fixture
