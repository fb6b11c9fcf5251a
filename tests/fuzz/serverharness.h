#pragma once

#include "feedserver.h"
#include "httprequest.h"

#include <QByteArray>
#include <QTemporaryDir>

#include <memory>

namespace PlenaryFuzz {

/** A feed server on the sample conference with a real ledger in a temporary directory, driven without a
 * socket. */
class ServerHarness
{
public:
    // The admin token and one attendee token are known: "$admin" and "$attendee" in a header value of a fuzz
    // input stand for them, so the fuzzer reaches the routes behind sign-in.

    ServerHarness();

    bool isReady() const { return m_ready; }

    /**
     * Reads "METHOD TARGET [VERSION]" on the first line, "Name: value" header lines up to an empty line, and
     * the rest as the body (CRLF or LF); nullopt when there is no request line.
     */
    std::optional<Plenary::HttpRequest> decode(const QByteArray &data) const;

    /** Answers the request and checks every answer: a supported status, a JSON error body for errors. */
    int run(const Plenary::HttpRequest &request);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Plenary::FeedServer> m_server;
    QByteArray m_attendeeToken;
    bool m_ready = false;
};

} // namespace PlenaryFuzz
