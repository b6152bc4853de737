// SPDX-License-Identifier: GPL-3.0-or-later
#include "frames.h"

#include "protocollimits.h"

#include <QJsonDocument>

namespace Natter::Frames {

namespace {
const QLatin1String kType{"type"};

QJsonObject event(QLatin1String type)
{
    return QJsonObject{{kType, type}};
}
} // namespace

QString serialize(const QJsonObject &frame)
{
    return QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact));
}

QJsonObject hello(const QString &serverName)
{
    QJsonObject frame = event(QLatin1String("hello"));
    frame.insert(QLatin1String("protocol"), Limits::protocolVersion);
    frame.insert(QLatin1String("server"), serverName);
    return frame;
}

QJsonObject ok(const QJsonValue &id, QJsonObject result)
{
    result.insert(kType, QLatin1String("ok"));
    result.insert(QLatin1String("id"), id);
    return result;
}

QJsonObject messageEvent(const ChatMessage &message)
{
    QJsonObject frame = event(QLatin1String("message"));
    frame.insert(QLatin1String("message"), message.toJson());
    return frame;
}

QJsonObject presenceEvent(const User &user, bool online)
{
    QJsonObject frame = event(QLatin1String("presence"));
    frame.insert(QLatin1String("user"), user.toJson());
    frame.insert(QLatin1String("online"), online);
    return frame;
}

QJsonObject memberJoinedEvent(qint64 room, const Member &member)
{
    QJsonObject frame = event(QLatin1String("member_joined"));
    frame.insert(QLatin1String("room"), room);
    frame.insert(QLatin1String("user"), member.user.toJson());
    frame.insert(QLatin1String("online"), member.online);
    return frame;
}

QJsonObject memberLeftEvent(qint64 room, const User &user)
{
    QJsonObject frame = event(QLatin1String("member_left"));
    frame.insert(QLatin1String("room"), room);
    frame.insert(QLatin1String("user"), user.toJson());
    return frame;
}

QJsonObject signedOutEvent()
{
    return event(QLatin1String("signed_out"));
}

} // namespace Natter::Frames
