#include "renderbackend.h"

#include <QDir>
#include <QTest>

using namespace Plenary;

/** Which renderer the app picks for which machine. */
class TestRenderBackend : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void choice_data()
    {
        QTest::addColumn<QString>("platform");
        QTest::addColumn<bool>("chosenByUser");
        QTest::addColumn<bool>("hasRenderNode");
        QTest::addColumn<bool>("software");
        QTest::newRow("desktop with a GPU") << QString() << false << true << false;
        QTest::newRow("xcb with a GPU") << QStringLiteral("xcb") << false << true << false;
        QTest::newRow("wayland with a GPU") << QStringLiteral("wayland") << false << true << false;
        QTest::newRow("no GPU (Xvfb, VM without virgl)") << QStringLiteral("xcb") << false << false << true;
        QTest::newRow("default platform, no GPU") << QString() << false << false << true;
        QTest::newRow("offscreen even with a GPU") << QStringLiteral("offscreen") << false << true << true;
        QTest::newRow("minimal") << QStringLiteral("minimal") << false << true << true;
        QTest::newRow("user chose, no GPU") << QStringLiteral("xcb") << true << false << false;
        QTest::newRow("user chose, offscreen") << QStringLiteral("offscreen") << true << true << false;
    }
    void choice()
    {
        QFETCH(QString, platform);
        QFETCH(bool, chosenByUser);
        QFETCH(bool, hasRenderNode);
        QFETCH(bool, software);
        RenderBackend::Facts facts;
        facts.platform = platform;
        facts.chosenByUser = chosenByUser;
        facts.hasRenderNode = hasRenderNode;
        QCOMPARE(RenderBackend::prefersSoftware(facts), software);
    }

    void readsTheEnvironment()
    {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        qunsetenv("QT_QUICK_BACKEND");
        qunsetenv("QSG_RHI_BACKEND");
        RenderBackend::Facts facts = RenderBackend::fromEnvironment();
        QCOMPARE(facts.platform, QStringLiteral("offscreen"));
        QVERIFY(!facts.chosenByUser);
        QVERIFY(RenderBackend::prefersSoftware(facts));
        qputenv("QSG_RHI_BACKEND", "opengl");
        facts = RenderBackend::fromEnvironment();
        QVERIFY(facts.chosenByUser);
        QVERIFY(!RenderBackend::prefersSoftware(facts));
        qunsetenv("QSG_RHI_BACKEND");
#if defined(Q_OS_LINUX)
        QCOMPARE(facts.hasRenderNode, !QDir(QStringLiteral("/dev/dri"))
                                           .entryList({QStringLiteral("renderD*")}, QDir::System)
                                           .isEmpty());
#endif
    }
};

QTEST_GUILESS_MAIN(TestRenderBackend)
#include "tst_renderbackend.moc"
