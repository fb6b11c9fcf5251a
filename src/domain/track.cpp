#include "track.h"

#include <QCryptographicHash>

#include <array>

namespace Plenary {

QString Track::defaultColor(QStringView name)
{
    // A palette readable on both light and dark backgrounds (Material 500/600 tones).
    static constexpr std::array<const char *, 16> kPalette{
        "#1e88e5", "#43a047", "#e53935", "#8e24aa", "#fb8c00", "#00897b", "#3949ab", "#d81b60",
        "#6d4c41", "#7cb342", "#039be5", "#f4511e", "#5e35b1", "#c0ca33", "#00acc1", "#546e7a",
    };
    const QByteArray hash = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Md5);
    const auto index = static_cast<unsigned char>(hash.at(0)) % kPalette.size();
    return QString::fromLatin1(kPalette[index]);
}

} // namespace Plenary
