// Benchmark: Plenary feed JSON of FOSDEM 2025 written and read back (target: read <= 10 ms median).
// Usage: bench_feedjson [runs]
#include "benchstats.h"
#include "conferencesnapshot.h"
#include "plenaryfeedparser.h"
#include "plenaryfeedwriter.h"
#include "scheduleimporter.h"

#include <QCoreApplication>

using namespace Plenary;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int runs = argc > 1 ? QByteArray(argv[1]).toInt() : 30;
    const ImportResult source =
        ScheduleImporter::importFile(QStringLiteral(PLENARY_TEST_DATA_DIR "/real/fosdem-2025-schedule.xml"));
    if (!source.ok()) {
        QTextStream(stderr) << source.error.toString() << Qt::endl;
        return 1;
    }
    QByteArray json;
    BenchTimings writes, reads;
    for (int i = 0; i < runs; ++i) {
        const BenchTimer t;
        json = PlenaryFeedWriter::write(*source.conference);
        writes.add(t);
    }
    int sessions = 0;
    for (int i = 0; i < runs; ++i) {
        const BenchTimer t;
        const ImportResult r = PlenaryFeedParser::parse(json);
        reads.add(t);
        sessions = r.ok() ? int(r.conference->sessions.size()) : -1;
    }
    QTextStream(stdout) << "FOSDEM 2025 as Plenary feed JSON: " << json.size() << " bytes, " << sessions
                        << " sessions" << Qt::endl;
    printTimings(QStringLiteral("write feed JSON"), writes);
    printTimings(QStringLiteral("read feed JSON "), reads);

    // The app's own cache of a conference (ConferenceSnapshot), read at every start instead of the JSON.
    QByteArray snapshot;
    BenchTimings snapshotWrites, snapshotReads;
    for (int i = 0; i < runs; ++i) {
        const BenchTimer t;
        snapshot = ConferenceSnapshot::write(*source.conference);
        snapshotWrites.add(t);
    }
    int snapshotSessions = 0;
    for (int i = 0; i < runs; ++i) {
        const BenchTimer t;
        const std::optional<Conference> c = ConferenceSnapshot::read(snapshot);
        snapshotReads.add(t);
        snapshotSessions = c ? int(c->sessions.size()) : -1;
    }
    QTextStream(stdout) << "the same as a snapshot: " << snapshot.size() << " bytes" << Qt::endl;
    printTimings(QStringLiteral("write snapshot "), snapshotWrites);
    printTimings(QStringLiteral("read snapshot  "), snapshotReads);
    return sessions == source.conference->sessions.size() && snapshotSessions == sessions ? 0 : 1;
}
