#include "sessiontype.h"

#include <QTest>

using namespace Plenary;

class TestSessionType : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void namesRoundTrip();
    void guess_data();
    void guess();
    void seatLimited();
};

void TestSessionType::namesRoundTrip()
{
    for (int i = 0; i <= static_cast<int>(SessionType::Other); ++i) {
        const auto type = static_cast<SessionType>(i);
        QCOMPARE(sessionTypeFromName(sessionTypeName(type)), type);
    }
    QCOMPARE(sessionTypeFromName(u"no-such-type"), SessionType::Other);
    QCOMPARE(sessionTypeFromName(u"KEYNOTE"), SessionType::Keynote);
}

void TestSessionType::guess_data()
{
    QTest::addColumn<QString>("typeText");
    QTest::addColumn<QString>("title");
    QTest::addColumn<SessionType>("expected");
    QTest::newRow("frab lecture") << "lecture"
                                  << "Hacking the planet" << SessionType::Talk;
    QTest::newRow("fosdem devroom") << "devroom"
                                    << "Moving work" << SessionType::Talk;
    QTest::newRow("fosdem keynote") << "keynote"
                                    << "Welcome" << SessionType::Keynote;
    QTest::newRow("frab workshop") << "Workshop"
                                   << "Solder a badge" << SessionType::Workshop;
    QTest::newRow("lab") << "Hands-on Lab"
                         << "Kubernetes" << SessionType::HandsOnLab;
    QTest::newRow("exam") << "Certification Exam"
                          << "Associate" << SessionType::CertificationExam;
    QTest::newRow("theater") << "Expo Theatre"
                             << "Sponsor talk" << SessionType::ExpoTheater;
    QTest::newRow("party") << "party"
                           << "Customer Night" << SessionType::Social;
    QTest::newRow("lunch") << "Lunch"
                           << "" << SessionType::Break;
    QTest::newRow("no type, keynote title") << ""
                                            << "Opening Keynote" << SessionType::Keynote;
    QTest::newRow("no type, break title") << ""
                                          << "Coffee break" << SessionType::Break;
    QTest::newRow("no type, long title with break")
        << ""
        << "How we break monoliths into services without breaking production" << SessionType::Talk;
    QTest::newRow("machine name") << "hands-on-lab"
                                  << "" << SessionType::HandsOnLab;
}

void TestSessionType::guess()
{
    QFETCH(QString, typeText);
    QFETCH(QString, title);
    QFETCH(SessionType, expected);
    QCOMPARE(guessSessionType(typeText, title), expected);
}

void TestSessionType::seatLimited()
{
    QVERIFY(isSeatLimitedType(SessionType::Workshop));
    QVERIFY(isSeatLimitedType(SessionType::HandsOnLab));
    QVERIFY(isSeatLimitedType(SessionType::CertificationExam));
    QVERIFY(!isSeatLimitedType(SessionType::Keynote));
    QVERIFY(!isSeatLimitedType(SessionType::Social));
}

QTEST_GUILESS_MAIN(TestSessionType)
#include "tst_sessiontype.moc"
