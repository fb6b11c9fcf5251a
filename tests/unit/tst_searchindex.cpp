#include "searchindex.h"
#include "textfolder.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Plenary;

class TestSearchIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsDocumentsContainingTheNeedle_data()
    {
        QTest::addColumn<QString>("needle");
        QTest::addColumn<std::vector<quint8>>("expected");
        QTest::newRow("empty") << "" << std::vector<quint8>{1, 1, 1, 1};
        QTest::newRow("one byte") << "z" << std::vector<quint8>{0, 0, 1, 0};
        QTest::newRow("two bytes") << "ab" << std::vector<quint8>{1, 0, 1, 0};
        QTest::newRow("at a document's end") << "xyz" << std::vector<quint8>{0, 0, 1, 0};
        QTest::newRow("at a document's start") << "abc" << std::vector<quint8>{1, 0, 0, 0};
        QTest::newRow("longer than 16 bytes")
            << "the quick brown fox jumps" << std::vector<quint8>{0, 1, 0, 0};
        QTest::newRow("never across documents") << "defgh" << std::vector<quint8>{0, 0, 0, 0};
        QTest::newRow("multi-byte") << "관측" << std::vector<quint8>{0, 0, 0, 1};
        QTest::newRow("first and last byte match only") << "aXb" << std::vector<quint8>{0, 0, 0, 0};
    }

    void findsDocumentsContainingTheNeedle()
    {
        QFETCH(QString, needle);
        QFETCH(std::vector<quint8>, expected);
        SearchIndex index;
        index.addDocument(u"abcdef");
        index.addDocument(u"gh the quick brown fox jumps over");
        index.addDocument(u"12ab xyz");
        index.addDocument(TextFolder::fold(u"한국어 관측성"));
        QCOMPARE(index.documentCount(), 4);
        std::vector<quint8> matches;
        index.match(TextFolder::fold(needle), matches);
        QCOMPARE(matches, expected);
    }

    void candidatesRestrictTheSearch()
    {
        SearchIndex index;
        for (const char16_t *doc : {u"rust and go", u"rust only", u"go only", u"neither"})
            index.addDocument(doc);
        std::vector<quint8> candidates;
        index.match(u"rust", candidates);
        QCOMPARE(candidates, (std::vector<quint8>{1, 1, 0, 0}));
        std::vector<quint8> matches;
        index.match(u"go", matches, &candidates);
        QCOMPARE(matches, (std::vector<quint8>{1, 0, 0, 0}));
        index.match(u"", matches, &candidates);
        QCOMPARE(matches, candidates);
    }

    void agreesWithAPlainScanOnRandomText()
    {
        // Random documents over a tiny alphabet hit every SIMD block boundary and tail case.
        QRandomGenerator random(42);
        const QString alphabet = QStringLiteral("abé ");
        QStringList documents;
        SearchIndex index;
        for (int i = 0; i < 300; ++i) {
            QString doc;
            const int length = int(random.bounded(80));
            for (int c = 0; c < length; ++c)
                doc.append(alphabet.at(int(random.bounded(alphabet.size()))));
            documents.append(doc);
            index.addDocument(doc);
        }
        for (int round = 0; round < 200; ++round) {
            QString needle;
            const int length = 1 + int(random.bounded(6));
            for (int c = 0; c < length; ++c)
                needle.append(alphabet.at(int(random.bounded(alphabet.size()))));
            std::vector<quint8> matches;
            index.match(needle, matches);
            for (int i = 0; i < documents.size(); ++i)
                QCOMPARE(bool(matches[size_t(i)]), documents.at(i).contains(needle));
        }
    }

    void narrowingAgreesWithAFullSearch()
    {
        // More than 64 documents, so candidates and results span several words of the bit slices.
        QRandomGenerator random(7);
        const QString alphabet = QStringLiteral("abcé관 ");
        SearchIndex index;
        for (int i = 0; i < 200; ++i) {
            QString doc;
            const int length = int(random.bounded(40));
            for (int c = 0; c < length; ++c)
                doc.append(alphabet.at(int(random.bounded(alphabet.size()))));
            index.addDocument(TextFolder::fold(doc));
        }
        for (int round = 0; round < 100; ++round) {
            QString query;
            std::vector<quint8> previous;
            index.match(QString(), previous);
            for (int c = 0; c < 5; ++c) {
                query.append(alphabet.at(int(random.bounded(alphabet.size()))));
                const QString needle = TextFolder::fold(query);
                std::vector<quint8> narrowed;
                index.match(needle, narrowed, &previous);
                std::vector<quint8> full;
                index.match(needle, full);
                QCOMPARE(narrowed, full);
                previous = narrowed;
            }
        }
    }

    void candidatesAreAnUpperBound()
    {
        SearchIndex index;
        for (int i = 0; i < 130; ++i)
            index.addDocument(i % 2 ? u"rust" : u"go");
        std::vector<quint8> candidates(130, 0);
        candidates[1] = candidates[64] = candidates[127] = candidates[129] = 1;
        std::vector<quint8> matches;
        index.match(u"rust", matches, &candidates);
        std::vector<quint8> expected(130, 0);
        expected[1] = expected[127] = expected[129] = 1;
        QCOMPARE(matches, expected);
    }

    void clearEmptiesTheIndex()
    {
        SearchIndex index;
        index.addDocument(u"abc");
        index.clear();
        QCOMPARE(index.documentCount(), 0);
        std::vector<quint8> matches{1, 1};
        index.match(u"a", matches);
        QVERIFY(matches.empty());
    }
};

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_searchindex.moc"
