#include "speakerlistmodel.h"

#include "textfolder.h"

#include <QCollator>

#include <algorithm>

namespace Plenary {

namespace {
// Hangul initial consonants (choseong U+1100..U+1112) as the compatibility letters people read.
constexpr char16_t kChoseong[] = u"ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";

// Sections sort Latin first, then Hangul, then the rest.
int sectionGroup(QStringView section)
{
    if (section.size() == 1 && section[0] >= u'A' && section[0] <= u'Z')
        return 0;
    if (section == u"#")
        return 3;
    if (section.size() == 1 && section[0].unicode() >= 0x3131 && section[0].unicode() <= 0x318E)
        return 1;
    return 2;
}
} // namespace

SpeakerListModel::SpeakerListModel(QObject *parent)
    : QAbstractListModel(parent)
{}

QString SpeakerListModel::sectionOf(QStringView name)
{
    const QString folded = TextFolder::fold(name.trimmed());
    for (const QChar c : folded) {
        const char16_t u = c.unicode();
        if (u >= 0x1100 && u <= 0x1112)
            return QString(QChar(kChoseong[u - 0x1100]));
        if (u >= u'a' && u <= u'z')
            return QString(QChar(u - 32));
        if (c.isLetter())
            return QString(c).toUpper();
        if (c.isDigit())
            return QStringLiteral("#");
    }
    return QStringLiteral("#");
}

QString SpeakerListModel::initialsOf(QStringView name)
{
    const QString plain = name.trimmed().toString();
    const qsizetype paren = plain.indexOf(QLatin1Char('('));
    const QString main = (paren > 0 ? plain.left(paren) : plain).trimmed();
    if (!main.isEmpty() && main.at(0).unicode() >= 0xAC00 && main.at(0).unicode() <= 0xD7A3)
        return main.left(1);
    QString initials;
    const QStringList words = main.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (word.at(0).isLetter())
            initials.append(word.at(0).toUpper());
    }
    if (initials.size() > 2)
        initials = initials.left(1) + initials.right(1);
    return initials;
}

void SpeakerListModel::setConference(std::shared_ptr<const Conference> conference)
{
    beginResetModel();
    m_conference = std::move(conference);
    m_rows.clear();
    m_rowsBuilt = false;
    endResetModel();
    Q_EMIT countChanged();
}

void SpeakerListModel::ensureRows() const
{
    if (m_rowsBuilt)
        return;
    m_rowsBuilt = true;
    if (!m_conference)
        return;
    m_rows.reserve(static_cast<size_t>(m_conference->speakers.size()));
    for (const Speaker &speaker : m_conference->speakers) {
        Row row;
        row.speaker = &speaker;
        row.section = sectionOf(speaker.name);
        row.searchText = TextFolder::fold(speaker.name) + QChar(u'\x1') + TextFolder::fold(speaker.company);
        row.sessionCount = static_cast<int>(m_conference->sessionsOfSpeaker(speaker.id).size());
        m_rows.push_back(std::move(row));
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::stable_sort(m_rows.begin(), m_rows.end(), [&collator](const Row &a, const Row &b) {
        const int ga = sectionGroup(a.section);
        const int gb = sectionGroup(b.section);
        if (ga != gb)
            return ga < gb;
        if (a.section != b.section)
            return a.section < b.section;
        return collator.compare(a.speaker->name, b.speaker->name) < 0;
    });
}

int SpeakerListModel::count() const
{
    ensureRows();
    return static_cast<int>(m_rows.size());
}

const QString &SpeakerListModel::searchText(int row) const
{
    ensureRows();
    return m_rows[static_cast<size_t>(row)].searchText;
}

int SpeakerListModel::rowOf(const QString &speakerId) const
{
    ensureRows();
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].speaker->id == speakerId)
            return static_cast<int>(i);
    }
    return -1;
}

int SpeakerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant SpeakerListModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    ensureRows();
    const Row &row = m_rows[static_cast<size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.speaker->name;
    case IdRole:
        return row.speaker->id;
    case CompanyRole:
        return row.speaker->company;
    case BioRole:
        return row.speaker->bio;
    case AvatarUrlRole:
        return row.speaker->avatarUrl;
    case InitialsRole:
        return initialsOf(row.speaker->name);
    case SectionRole:
        return row.section;
    case SessionCountRole:
        return row.sessionCount;
    default:
        break;
    }
    return {};
}

QHash<int, QByteArray> SpeakerListModel::roleNames() const
{
    return {
        {IdRole, "speakerId"},        {NameRole, "name"},
        {CompanyRole, "company"},     {BioRole, "bio"},
        {AvatarUrlRole, "avatarUrl"}, {InitialsRole, "initials"},
        {SectionRole, "letter"},      {SessionCountRole, "sessionCount"},
    };
}

} // namespace Plenary
