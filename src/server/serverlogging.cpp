#include "serverlogging.h"

Q_LOGGING_CATEGORY(plenaryServer, "plenary.server")
