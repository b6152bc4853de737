// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "events.h"

#include <QHash>
#include <QJsonObject>
#include <functional>
#include <tuple>

namespace Natter {

/// What to do with an event frame, by its "type": one entry for every type in EventTypes.
/// An entry returns false when the frame does not read as its type.
using EventTable = QHash<QString, std::function<bool(const QJsonObject &)>>;

/// The table that decodes each event once and calls `handle(event)` with the typed struct. `handle` must
/// take every type in EventTypes: a type added there without a handler is a compile error here.
template <typename Handle>
EventTable makeEventTable(Handle handle)
{
    EventTable table;
    std::apply(
        [&](auto... events) {
            (table.insert(decltype(events)::type,
                          [handle](const QJsonObject &frame) {
                              const auto event = decltype(events)::fromJson(frame);
                              if (event)
                                  handle(*event);
                              return event.has_value();
                          }),
             ...);
        },
        EventTypes{});
    return table;
}

} // namespace Natter
