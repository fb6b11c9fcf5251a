#pragma once

#include <QByteArray>

/**
 * The fuzz targets' entry functions, shared by the libFuzzer targets (tests/fuzz) and the regression test
 * that replays their crashing inputs in the normal build (tests/unit/tst_fuzzregressions.cpp).
 *
 * Each function feeds one input to the code under test and checks what came back; a broken invariant aborts
 * with a message on stderr, so it shows up as a crash under libFuzzer and as a failed test under ctest.
 */
namespace PlenaryFuzz {

/** What the code under test did with an input that broke no invariant. */
enum class Outcome { Accepted, Refused };

Outcome pentabarfXml(const QByteArray &data);
Outcome frabJson(const QByteArray &data);
Outcome iCalendar(const QByteArray &data);
Outcome plenaryFeed(const QByteArray &data);
/** Reads `data` as the app's conference cache (ConferenceSnapshot), as if the SQLite file were damaged. */
Outcome conferenceSnapshot(const QByteArray &data);
Outcome seatAvailability(const QByteArray &data);
Outcome htmlSanitizer(const QByteArray &data);
/** Decodes `data` as an HTTP request (see ServerHarness::decode) and runs it through the feed server. */
Outcome serverRequest(const QByteArray &data);
/** Reads `data` as the launcher's StartupFileList (the file in the user's cache directory). */
Outcome startupFileList(const QByteArray &data);
/** Feeds a byte stream to HttpRequestFramer in chunks whose sizes the input's first bytes choose. */
Outcome requestFramer(const QByteArray &data);

/** The entry function for a target name ("pentabarfxml", ...), or nullptr. */
using Entry = Outcome (*)(const QByteArray &);
Entry entryFor(const QByteArray &target);

/** Called by every fuzz target once: a QCoreApplication, quiet logging, a pinned time zone. */
void initialize(int *argc, char ***argv);

/** Aborts with `what` on stderr when `condition` is false. */
void check(bool condition, const char *what);

} // namespace PlenaryFuzz
