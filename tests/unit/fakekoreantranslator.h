#pragma once

#include <QByteArrayView>
#include <QString>
#include <QTranslator>

/** Stands in for a .qm file: "translates" SessionListModel's type and level names into Korean. */
class FakeKoreanTranslator : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (QByteArrayView(context) != "Plenary::SessionListModel")
            return {};
        if (QByteArrayView(sourceText) == "Hands-on lab")
            return QString::fromUtf8("실습");
        if (QByteArrayView(sourceText) == "Intermediate")
            return QString::fromUtf8("중급");
        return {};
    }
};
