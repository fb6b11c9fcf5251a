#pragma once

#include <QLoggingCategory>

/** The feed server's log: one line per request, plus ledger and reload events. Never carries a token. */
Q_DECLARE_LOGGING_CATEGORY(plenaryServer)
