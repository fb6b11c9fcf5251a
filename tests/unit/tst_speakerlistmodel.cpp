#include "modelfixture.h"
#include "speakerfilterproxymodel.h"
#include "speakerlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Plenary;

namespace {
QStringList column(const QAbstractItemModel &model, int role)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values.append(model.data(model.index(row, 0), role).toString());
    return values;
}
} // namespace

class TestSpeakerListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sortedByLetterWithLatinFirst()
    {
        Conference c = Fixture::conference();
        c.speakers.append(Speaker{"zed", "zed lowercase", {}, {}, {}});
        c.speakers.append(Speaker{"kim", "김서연", {}, {}, {}});
        c.speakers.append(Speaker{"digit", "3D Printing Guild", {}, {}, {}});
        c.speakers.append(Speaker{"alex", "Alex Brown", {}, {}, {}});
        c.normalize();
        SpeakerListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConference(std::make_shared<const Conference>(c));
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(column(model, SpeakerListModel::IdRole),
                 (QStringList{"ada", "alex", "emile", "zed", "kim", "minjun", "digit"}));
        QCOMPARE(column(model, SpeakerListModel::SectionRole),
                 (QStringList{"A", "A", "E", "Z", "ㄱ", "ㅇ", "#"}));
        QCOMPARE(model.rowOf("emile"), 2);
        QCOMPARE(model.rowOf("nobody"), -1);
    }

    void rolesDescribeTheSpeaker()
    {
        SpeakerListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setConference(std::make_shared<const Conference>(Fixture::conference()));
        const QModelIndex ada = model.index(model.rowOf("ada"));
        QCOMPARE(ada.data(SpeakerListModel::NameRole).toString(), "Ada Park");
        QCOMPARE(ada.data(SpeakerListModel::CompanyRole).toString(), "Example Corp");
        QCOMPARE(ada.data(SpeakerListModel::BioRole).toString(), "Runs the platform team.");
        QCOMPARE(ada.data(SpeakerListModel::InitialsRole).toString(), "AP");
        QCOMPARE(ada.data(SpeakerListModel::SessionCountRole).toInt(), 2);
        const QModelIndex minjun = model.index(model.rowOf("minjun"));
        QCOMPARE(minjun.data(SpeakerListModel::InitialsRole).toString(), "이");
        QCOMPARE(model.roleNames().value(SpeakerListModel::IdRole), "speakerId");
        QCOMPARE(model.roleNames().value(SpeakerListModel::SectionRole), "letter");
        model.setConference(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    // The rows are built when first asked for; switching conferences under an attached proxy and tester still
    // tells views about every change and shows the new conference's speakers, each in its place.
    void switchingConferencesKeepsViewsInStep()
    {
        SpeakerListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SpeakerFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy counts(&model, &SpeakerListModel::countChanged);
        model.setConference(std::make_shared<const Conference>(Fixture::conference()));
        QCOMPARE(proxy.rowCount(), 3);
        Conference other;
        other.id = "other";
        other.speakers.append(Speaker{"zoe", "Zoë Quinn", {}, {}, {}});
        other.speakers.append(Speaker{"bo", "Bo Lee", {}, {}, {}});
        model.setConference(std::make_shared<const Conference>(other));
        QCOMPARE(resets.size(), 2);
        QCOMPARE(counts.size(), 2);
        QCOMPARE(proxy.rowCount(), 2);
        QCOMPARE(column(model, SpeakerListModel::IdRole), (QStringList{"bo", "zoe"}));
        QCOMPARE(model.count(), 2);
        QCOMPARE(model.rowOf("zoe"), 1);
        QCOMPARE(model.searchText(1), QString("zoe quinn") + QChar(u'\x1'));
    }

    void initials_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("initials");
        QTest::newRow("two words") << "Ada Park"
                                   << "AP";
        QTest::newRow("three words") << "Ada Lovelace Park"
                                     << "AP";
        QTest::newRow("one word") << "Cher"
                                  << "C";
        QTest::newRow("hangul with latin") << "이민준 (Min-jun Lee)"
                                           << "이";
        QTest::newRow("accented") << "Émile Zola"
                                  << "ÉZ";
        QTest::newRow("empty") << ""
                               << "";
    }

    void initials()
    {
        QFETCH(QString, name);
        QFETCH(QString, initials);
        QCOMPARE(SpeakerListModel::initialsOf(name), initials);
    }

    void searchIsCaseAndAccentInsensitive_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("empty") << "" << QStringList{"ada", "emile", "minjun"};
        QTest::newRow("accent") << "emile" << QStringList{"emile"};
        QTest::newRow("company accent") << "CAFE SOCIETE" << QStringList{"emile"};
        QTest::newRow("korean") << "민준" << QStringList{"minjun"};
        QTest::newRow("latin part of a korean name") << "min-jun" << QStringList{"minjun"};
        QTest::newRow("company") << "corp" << QStringList{"ada"};
        QTest::newRow("none") << "xyz" << QStringList{};
    }

    void searchIsCaseAndAccentInsensitive()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        SpeakerListModel model;
        model.setConference(std::make_shared<const Conference>(Fixture::conference()));
        SpeakerFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setQuery(query);
        QCOMPARE(column(proxy, SpeakerListModel::IdRole), expected);
        QCOMPARE(proxy.count(), expected.size());
    }
};

QTEST_GUILESS_MAIN(TestSpeakerListModel)
#include "tst_speakerlistmodel.moc"
