#include "agendacontroller.h"
#include "modelfixture.h"
#include "scheduleimporter.h"
#include "sessionfilterproxymodel.h"
#include "sessionlistmodel.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <set>

using namespace Plenary;

namespace {
QStringList visibleIds(const SessionFilterProxyModel &proxy)
{
    QStringList ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids.append(proxy.data(proxy.index(row, 0), SessionListModel::IdRole).toString());
    return ids;
}

// Folding written independently of TextFolder: a regular expression drops the marks.
QString independentFold(const QString &text)
{
    static const QRegularExpression marks(QStringLiteral("[\\p{Mn}\\p{Me}]"));
    return text.normalized(QString::NormalizationForm_KD).remove(marks).toCaseFolded();
}
// FOSDEM 2025 from tests/data, imported once.
const Conference &fosdem2025()
{
    static const ImportResult imported =
        ScheduleImporter::importFile(QStringLiteral(PLENARY_TEST_DATA_DIR "/real/fosdem-2025-schedule.xml"));
    if (!imported.ok())
        qFatal("cannot import FOSDEM 2025: %s", qPrintable(imported.error.toString()));
    return *imported.conference;
}
} // namespace

class TestSessionFilterProxyModel : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<const Conference> m_conference =
        std::make_shared<const Conference>(Fixture::conference());

private Q_SLOTS:
    void withoutFiltersEverythingShows()
    {
        SessionListModel sessions;
        sessions.setConference(m_conference);
        SessionFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&sessions);
        QCOMPARE(proxy.count(), 6);
        QCOMPARE(proxy.activeFilterCount(), 0);
    }

    void eachFilter_data()
    {
        QTest::addColumn<QString>("property");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<int>("activeFilters");

        QTest::newRow("day 0") << "day" << QVariant(0) << QStringList{"lab", "cafe"} << 0;
        QTest::newRow("day 1") << "day" << QVariant(1) << QStringList{"keynote", "korean", "lunch", "night"}
                               << 0;
        QTest::newRow("track") << "track" << QVariant("observability") << QStringList{"lab", "korean"} << 1;
        QTest::newRow("type keynote")
            << "type" << QVariant(int(SessionListModel::Keynote)) << QStringList{"keynote"} << 1;
        QTest::newRow("type talk") << "type" << QVariant(int(SessionListModel::Talk))
                                   << QStringList{"cafe", "korean"} << 1;
        QTest::newRow("floor") << "floor" << QVariant("f4") << QStringList{"cafe", "keynote", "lunch"} << 1;
        QTest::newRow("room") << "room" << QVariant("hq") << QStringList{"night"} << 1;
        QTest::newRow("level") << "level" << QVariant("Beginner") << QStringList{"cafe", "korean"} << 1;
        QTest::newRow("seats") << "onlyWithSeats" << QVariant(true) << QStringList{"lab"} << 1;
        QTest::newRow("speaker") << "speakerId" << QVariant("minjun") << QStringList{"keynote", "korean"}
                                 << 0;
        QTest::newRow("unknown track") << "track" << QVariant("nope") << QStringList{} << 1;
    }

    void eachFilter()
    {
        QFETCH(QString, property);
        QFETCH(QVariant, value);
        QFETCH(QStringList, expected);
        QFETCH(int, activeFilters);

        SessionListModel sessions;
        sessions.setConference(m_conference);
        SessionFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&sessions);
        QSignalSpy countSpy(&proxy, &SessionFilterProxyModel::countChanged);
        QVERIFY(proxy.setProperty(property.toLatin1().constData(), value));
        QCOMPARE(visibleIds(proxy), expected);
        QCOMPARE(proxy.count(), expected.size());
        QCOMPARE(countSpy.count(), expected.size() == 6 ? 0 : 1);
        QCOMPARE(proxy.activeFilterCount(), activeFilters);

        proxy.clearFilters();
        QCOMPARE(proxy.activeFilterCount(), 0);
        // clearFilters() keeps the day and the speaker.
        if (property == u"day" || property == u"speakerId")
            QCOMPARE(visibleIds(proxy), expected);
        else
            QCOMPARE(proxy.count(), 6);
    }

    void filtersCombine()
    {
        SessionListModel sessions;
        sessions.setConference(m_conference);
        SessionFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&sessions);
        QSignalSpy filterCount(&proxy, &SessionFilterProxyModel::activeFilterCountChanged);
        proxy.setTrack("observability");
        proxy.setLevel("beginner");
        QCOMPARE(proxy.activeFilterCount(), 2);
        QCOMPARE(filterCount.count(), 2);
        QCOMPARE(visibleIds(proxy), QStringList{"korean"});
        proxy.setDay(0);
        QCOMPARE(proxy.count(), 0);
        proxy.clearFilters();
        QCOMPARE(visibleIds(proxy), (QStringList{"lab", "cafe"}));
        QCOMPARE(filterCount.count(), 3);
    }

    void onlyAgendaFollowsStarring()
    {
        SessionListModel sessions;
        AgendaController agenda;
        agenda.setConference(m_conference);
        sessions.setAgenda(&agenda);
        sessions.setConference(m_conference);
        SessionFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&sessions);
        proxy.setOnlyAgenda(true);
        QCOMPARE(proxy.count(), 0);
        QCOMPARE(proxy.activeFilterCount(), 1);
        agenda.add("night");
        agenda.add("lab");
        QCOMPARE(visibleIds(proxy), (QStringList{"lab", "night"}));
        agenda.remove("lab");
        QCOMPARE(visibleIds(proxy), QStringList{"night"});
    }

    void queryIsCaseAndAccentInsensitive_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("case") << "KEYNOTE" << QStringList{"keynote"};
        QTest::newRow("accent in title") << "resume" << QStringList{"cafe"};
        QTest::newRow("accent in query") << "rÉsumÉ" << QStringList{"cafe"};
        QTest::newRow("accent in abstract") << "naive" << QStringList{"cafe"};
        QTest::newRow("speaker") << "emile zola" << QStringList{"cafe"};
        QTest::newRow("company") << "seoul systems" << QStringList{"keynote", "korean"};
        QTest::newRow("room") << "main hall" << QStringList{"cafe", "keynote", "lunch"};
        QTest::newRow("track") << "cloud native" << QStringList{"cafe"};
        QTest::newRow("tag") << "opentelemetry" << QStringList{"lab"};
        QTest::newRow("trimmed") << "  lunch  " << QStringList{"lunch"};
        QTest::newRow("korean word") << "관측성" << QStringList{"korean"};
        QTest::newRow("korean speaker") << "이민준" << QStringList{"keynote", "korean"};
        QTest::newRow("korean mid-syllable") << "관츠" << QStringList{"korean"};
        QTest::newRow("korean jamo being typed") << "관ㅊ" << QStringList{"korean"};
        QTest::newRow("korean other word") << "관측소" << QStringList{};
        QTest::newRow("korean partial syllable") << "과" << QStringList{"korean"};
        QTest::newRow("korean abstract") << "서울에서" << QStringList{"korean"};
        QTest::newRow("no cross-field match") << "checkout bring" << QStringList{};
        QTest::newRow("nothing") << "zzz" << QStringList{};
    }

    void queryIsCaseAndAccentInsensitive()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        SessionListModel sessions;
        sessions.setConference(m_conference);
        SessionFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&sessions);
        proxy.setQuery(query);
        QCOMPARE(visibleIds(proxy), expected);
        proxy.setQuery(QString());
        QCOMPARE(proxy.count(), 6);
    }

    void typingNarrowsAndBackspaceWidens()
    {
        SessionListModel sessions;
        sessions.setConference(m_conference);
        SessionFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&sessions);
        const QStringList steps{"o", "op", "ope", "open", "opening", "openin", "o", "on", "one"};
        for (const QString &step : steps) {
            proxy.setQuery(step);
            SessionFilterProxyModel fresh;
            fresh.setSourceModel(&sessions);
            fresh.setQuery(step);
            QCOMPARE(visibleIds(proxy), visibleIds(fresh));
        }
        QCOMPARE(visibleIds(proxy), (QStringList{"lab"}));
    }

    void unchangedResultsAnnounceNothing()
    {
        SessionListModel sessions;
        sessions.setConference(m_conference);
        SessionFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&sessions);
        proxy.setQuery("main hal");
        QCOMPARE(visibleIds(proxy), (QStringList{"cafe", "keynote", "lunch"}));
        QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);
        QSignalSpy removed(&proxy, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
        QSignalSpy count(&proxy, &SessionFilterProxyModel::countChanged);
        proxy.setQuery("main hall");
        proxy.setQuery("Main Hall");
        proxy.setQuery("main hal");
        QCOMPARE(layout.count() + removed.count() + inserted.count() + count.count(), 0);
        QCOMPARE(visibleIds(proxy), (QStringList{"cafe", "keynote", "lunch"}));
    }

    void oneRunOfRowsIsAnnouncedAsRowChanges()
    {
        SessionListModel sessions;
        sessions.setConference(m_conference);
        SessionFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&sessions);
        QCOMPARE(proxy.rowCount(), 6);
        QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);
        QSignalSpy removed(&proxy, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
        QSignalSpy count(&proxy, &SessionFilterProxyModel::countChanged);

        proxy.setDay(1); // hides lab and cafe, the first two rows
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 0);
        QCOMPARE(removed.at(0).at(2).toInt(), 1);
        proxy.setQuery("seoul"); // hides lunch and night, the last two
        QCOMPARE(removed.count(), 2);
        QCOMPARE(removed.at(1).at(1).toInt(), 2);
        QCOMPARE(removed.at(1).at(2).toInt(), 3);
        QCOMPARE(visibleIds(proxy), (QStringList{"keynote", "korean"}));
        proxy.setQuery("seo");     // backspace: nothing changes
        proxy.setQuery(QString()); // lunch and night come back
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 2);
        QCOMPARE(inserted.at(0).at(2).toInt(), 3);
        QCOMPARE(layout.count(), 0);
        QCOMPARE(count.count(), 3);
        QCOMPARE(visibleIds(proxy), (QStringList{"keynote", "korean", "lunch", "night"}));
    }

    void scatteredChangesAreAnnouncedStretchByStretch()
    {
        SessionListModel sessions;
        sessions.setConference(m_conference);
        SessionFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&sessions);
        QCOMPARE(proxy.rowCount(), 6);
        QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);
        QSignalSpy reset(&proxy, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&proxy, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
        QSignalSpy count(&proxy, &SessionFilterProxyModel::countChanged);
        proxy.setQuery("main hall"); // hides lab, korean and night (rows 0, 3 and 5): bottom up
        QCOMPARE(layout.count() + reset.count() + inserted.count(), 0);
        QCOMPARE(removed.count(), 3);
        const QList<int> firstRows{removed.at(0).at(1).toInt(), removed.at(1).at(1).toInt(),
                                   removed.at(2).at(1).toInt()};
        QCOMPARE(firstRows, (QList<int>{5, 3, 0}));
        QCOMPARE(count.count(), 1);
        QCOMPARE(visibleIds(proxy), (QStringList{"cafe", "keynote", "lunch"}));
        proxy.setQuery("seoul"); // cafe and lunch go, korean comes back between keynote and where lunch was
        QCOMPARE(visibleIds(proxy), (QStringList{"keynote", "korean"}));
        QCOMPARE(layout.count() + reset.count(), 0);
        QCOMPARE(inserted.count(), 1);
    }

    void aChangeOfManyStretchesIsAnnouncedExactly()
    {
        SessionListModel sessions;
        sessions.setConference(std::make_shared<const Conference>(fosdem2025()));
        SessionFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&sessions);
        QSignalSpy reset(&proxy, &QAbstractItemModel::modelReset);
        QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);
        QSignalSpy removed(&proxy, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
        QSignalSpy count(&proxy, &SessionFilterProxyModel::countChanged);
        proxy.setQuery("rust"); // scattered over the whole schedule
        QVERIFY(proxy.rowCount() > 10);
        QVERIFY2(removed.count() > 10, qPrintable(QString::number(removed.count())));
        QCOMPARE(count.count(), 1);
        proxy.setQuery(QString()); // and back: as many insertions
        QCOMPARE(proxy.rowCount(), sessions.rowCount());
        QCOMPARE(inserted.count(), removed.count());
        QCOMPARE(count.count(), 2);
        QCOMPARE(reset.count() + layout.count(), 0);
    }

    void typingOnTheRealScheduleMatchesAFreshProxy()
    {
        SessionListModel sessions;
        sessions.setConference(std::make_shared<const Conference>(fosdem2025()));
        SessionFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&sessions);
        const QString track = fosdem2025().sessions.at(100).trackId;
        // Typed, erased and retyped character by character; "day=" and "track=" steps change a filter
        // while the query stays.
        QStringList steps;
        const auto type = [&steps](const QString &word) {
            for (qsizetype n = 1; n <= word.size(); ++n)
                steps.append(word.left(n));
        };
        const auto erase = [&steps](const QString &word, qsizetype down) {
            for (qsizetype n = word.size() - 1; n >= down; --n)
                steps.append(word.left(n));
        };
        type("Rust compiler");
        erase("Rust compiler", 2);
        type("Rum");
        steps.append("day=1");
        type("Python");
        steps.append("track=" + track);
        erase("Python", 0);
        steps.append("day=-1");
        type("Ré");
        type("Résumé");
        erase("Résumé", 0);
        steps.append("track=");
        type("ÖPNV");
        erase("ÖPNV", 1);
        type("관측");
        type("the ");
        type("the kernel");
        erase("the kernel", 0);
        QString query;
        int day = -1;
        QString trackId;
        QSignalSpy count(&proxy, &SessionFilterProxyModel::countChanged);
        // A view's copy of the rows, kept only from what the proxy announces: it must always be the rows.
        QStringList viewRows = visibleIds(proxy);
        connect(&proxy, &QAbstractItemModel::rowsInserted, this,
                [&](const QModelIndex &, int first, int last) {
                    for (int row = first; row <= last; ++row)
                        viewRows.insert(row,
                                        proxy.data(proxy.index(row, 0), SessionListModel::IdRole).toString());
                });
        connect(&proxy, &QAbstractItemModel::rowsRemoved, this,
                [&](const QModelIndex &, int first, int last) { viewRows.remove(first, last - first + 1); });
        connect(&proxy, &QAbstractItemModel::modelReset, this, [&] { viewRows = visibleIds(proxy); });
        connect(&proxy, &QAbstractItemModel::layoutChanged, this, [&] { viewRows = visibleIds(proxy); });
        int lastCount = proxy.count();
        int countChanges = 0;
        for (const QString &step : std::as_const(steps)) {
            if (step.startsWith("day="))
                proxy.setDay(day = step.mid(4).toInt());
            else if (step.startsWith("track="))
                proxy.setTrack(trackId = step.mid(6));
            else
                proxy.setQuery(query = step);
            SessionFilterProxyModel fresh;
            fresh.setSourceModel(&sessions);
            fresh.setDay(day);
            fresh.setTrack(trackId);
            fresh.setQuery(query);
            QCOMPARE(visibleIds(proxy), visibleIds(fresh));
            QCOMPARE(viewRows, visibleIds(fresh));
            QCOMPARE(proxy.count(), fresh.rowCount());
            countChanges += proxy.count() != lastCount ? 1 : 0;
            lastCount = proxy.count();
        }
        QCOMPARE(count.count(), countChanges);
        QVERIFY(countChanges > 10);
    }

    void conferenceSwitchKeepsTheQuery()
    {
        SessionListModel sessions;
        sessions.setConference(m_conference);
        SessionFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&sessions);
        proxy.setQuery("lunch");
        QCOMPARE(proxy.count(), 1);
        Conference other = Fixture::conference();
        other.sessions.append(Fixture::makeSession("lunch2", "Lunch on day two", SessionType::Break, "hq",
                                                   Fixture::nyc(5, 11, 12), 60));
        other.normalize();
        sessions.setConference(std::make_shared<const Conference>(other));
        QCOMPARE(visibleIds(proxy), (QStringList{"lunch2", "lunch"}));
    }

    void helpersForTheList()
    {
        SessionListModel sessions;
        sessions.setConference(m_conference);
        SessionFilterProxyModel proxy;
        proxy.setSourceModel(&sessions);
        proxy.setDay(1);
        QCOMPARE(proxy.rowForTime(Fixture::nyc(5, 12, 8)), 0);
        QCOMPARE(proxy.rowForTime(Fixture::nyc(5, 12, 11, 30)), 1);
        QCOMPARE(proxy.rowForTime(Fixture::nyc(5, 13, 3)), 3);
        QCOMPARE(proxy.rowOfSession("lunch"), 2);
        QCOMPARE(proxy.rowOfSession("lab"), -1);
        QCOMPARE(proxy.sessionIdAt(3), "night");
        QCOMPARE(proxy.sessionIdAt(4), QString());
    }

    void searchOnTheRealFosdem2025Schedule_data()
    {
        QTest::addColumn<QString>("query");
        for (const char *query : {"rust", "Python", "KERNEL", "postgres", "llvm", "é", "ö", "kubernetes",
                                  "security", "open source firmware", "ü", "cornil", "h.1302"})
            QTest::newRow(query) << QString::fromUtf8(query);
    }

    void searchOnTheRealFosdem2025Schedule()
    {
        QFETCH(QString, query);
        const Conference &fosdem = fosdem2025();
        QVERIFY(fosdem.sessions.size() > 900);

        SessionListModel sessions;
        sessions.setConference(std::make_shared<const Conference>(fosdem));
        SessionFilterProxyModel proxy;
        proxy.setSourceModel(&sessions);
        proxy.setQuery(query);

        const QString needle = independentFold(query.trimmed());
        std::set<QString> expected;
        for (const Session &s : fosdem.sessions) {
            QStringList fields{s.title, s.subtitle, s.abstractText};
            fields += s.tags;
            for (const QString &speakerId : s.speakerIds) {
                if (const Speaker *speaker = fosdem.speaker(speakerId))
                    fields += QStringList{speaker->name, speaker->company};
            }
            if (const Room *room = fosdem.room(s.roomId)) {
                fields.append(room->name);
                if (const Floor *floor = fosdem.floor(room->floorId))
                    fields.append(floor->name);
            }
            if (const Track *track = fosdem.track(s.trackId))
                fields.append(track->name);
            for (const QString &field : std::as_const(fields)) {
                if (independentFold(field).contains(needle)) {
                    expected.insert(s.id);
                    break;
                }
            }
        }
        const QStringList shown = visibleIds(proxy);
        const std::set<QString> actual(shown.cbegin(), shown.cend());
        QCOMPARE(int(actual.size()), shown.size());
        QCOMPARE(actual, expected);
        QVERIFY2(!expected.empty() || query == u"open source firmware", qPrintable(query));
    }
};

QTEST_GUILESS_MAIN(TestSessionFilterProxyModel)
#include "tst_sessionfilterproxymodel.moc"
