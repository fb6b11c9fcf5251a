#pragma once

#include <QList>
#include <QTextStream>

#include <algorithm>

/** Prints min / median / p90 / max of a list of timings in milliseconds, one line, labelled. */
inline void printTimings(const char *label, QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const auto at = [&ms](double q) { return ms[std::min<qsizetype>(ms.size() - 1, qsizetype(q * ms.size()))]; };
    QTextStream(stdout) << label << ": runs " << ms.size() << "  min " << Qt::fixed << qSetRealNumberPrecision(2)
                        << ms.front() << " ms  median " << at(0.5) << " ms  p90 " << at(0.9) << " ms  max "
                        << ms.back() << " ms" << Qt::endl;
}
