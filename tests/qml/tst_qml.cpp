// Runs the Quick Test files in this folder against the app's QML modules, offscreen, Material style.
#include "seatpanelfixture.h"

#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Plenary_ModelsPlugin)
Q_IMPORT_QML_PLUGIN(Plenary_UiPlugin)

class Setup : public QObject
{
    Q_OBJECT

public slots:
    void applicationAvailable()
    {
        qmlRegisterSingletonInstance("PlenaryTest", 1, 0, "SeatFixture", &m_seats);
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
        QQuickStyle::setStyle("Material");
    }
    void qmlEngineAvailable(QQmlEngine *engine) { engine->addImportPath("qrc:/qt/qml"); }
    void cleanupTestCase() { m_seats.stop(); }

private:
    SeatPanelFixture m_seats; ///< for tst_seatpanel.qml
};

QUICK_TEST_MAIN_WITH_SETUP(plenary_qml, Setup)

#include "tst_qml.moc"
