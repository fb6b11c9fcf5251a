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
    // Runs `step` `runs` times, timing each run; what a step returns is freed after its time is taken.
    const auto timed = [runs](auto step) {
        BenchTimings timings;
        for (int i = 0; i < runs; ++i) {
            const BenchTimer t;
            const auto result = step();
            timings.add(t);
        }
        return timings;
    };
    QByteArray json;
    const BenchTimings writes = timed([&] { return json = PlenaryFeedWriter::write(*source.conference); });
    int sessions = 0;
    const BenchTimings reads = timed([&] {
        ImportResult r = PlenaryFeedParser::parse(json);
        sessions = r.ok() ? int(r.conference->sessions.size()) : -1;
        return r;
    });
    QTextStream(stdout) << "FOSDEM 2025 as Plenary feed JSON: " << json.size() << " bytes, " << sessions
                        << " sessions" << Qt::endl;
    printTimings(QStringLiteral("write feed JSON"), writes);
    printTimings(QStringLiteral("read feed JSON "), reads);

    // The app's own cache of a conference (ConferenceSnapshot), read at every start instead of the JSON.
    QByteArray snapshot;
    const BenchTimings snapshotWrites =
        timed([&] { return snapshot = ConferenceSnapshot::write(*source.conference); });
    int snapshotSessions = 0;
    const BenchTimings snapshotReads = timed([&] {
        std::optional<Conference> c = ConferenceSnapshot::read(snapshot);
        snapshotSessions = c ? int(c->sessions.size()) : -1;
        return c;
    });
    QTextStream(stdout) << "the same as a snapshot: " << snapshot.size() << " bytes" << Qt::endl;
    printTimings(QStringLiteral("write snapshot "), snapshotWrites);
    printTimings(QStringLiteral("read snapshot  "), snapshotReads);
    return sessions == source.conference->sessions.size() && snapshotSessions == sessions ? 0 : 1;
}
