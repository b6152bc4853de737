// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chatmessage.h"
#include "member.h"

#include <QJsonObject>
#include <QString>

namespace Natter::Frames {

/// Compact JSON text of one frame.
QString serialize(const QJsonObject &frame);

QJsonObject hello(const QString &serverName);
/// {"type":"ok","id":…} plus the result fields.
QJsonObject ok(const QJsonValue &id, QJsonObject result = {});

QJsonObject messageEvent(const ChatMessage &message);
QJsonObject presenceEvent(const User &user, bool online);
QJsonObject memberJoinedEvent(qint64 room, const Member &member);
QJsonObject memberLeftEvent(qint64 room, const User &user);
/// Sent to the other connections of a token that was revoked by logout.
QJsonObject signedOutEvent();

} // namespace Natter::Frames
