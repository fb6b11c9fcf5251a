// Imports the FOSDEM 2025 schedule.xml N times (argv[1], default 30) and prints min/median/p90 in ms.
// An optional argv[2] names another schedule.xml to time instead.
#include "benchstats.h"
#include "pentabarfxmlparser.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>

using namespace Plenary;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 30;
    const QString path = argc > 2 ? QString::fromLocal8Bit(argv[2])
                                  : QStringLiteral(PLENARY_TEST_DATA_DIR "/real/fosdem-2025-schedule.xml");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QTextStream(stderr) << "cannot open " << path << ": " << file.errorString() << Qt::endl;
        return 1;
    }
    const QByteArray data = file.readAll();

    ImportOptions options;
    options.sourceName = path;
    BenchTimings times;
    qsizetype sessions = 0;
    for (int i = 0; i < runs; ++i) {
        const BenchTimer timer;
        const ImportResult result = PentabarfXmlParser::parse(data, options);
        times.add(timer);
        if (!result.ok()) {
            QTextStream(stderr) << "import failed: " << result.error.toString() << Qt::endl;
            return 1;
        }
        sessions = result.conference->sessions.size();
    }
    QTextStream(stdout) << path << ": " << data.size() << " bytes, " << sessions << " sessions" << Qt::endl;
    printTimings(QStringLiteral("import XML into the domain model"), times);
    return 0;
}
