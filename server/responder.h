// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocolerror.h"
#include "written.h"

#include <QJsonValue>
#include <QPointer>

namespace Natter::Server {

class ClientConnection;

/// The one answer a request owes, carried through work that finishes later (password hashing, the writer
/// thread). Once the connection has closed, answering does nothing.
class Responder {
public:
    Responder(ClientConnection *connection, QJsonValue id);

    /// The connection while it is open, else null.
    ClientConnection *connection() const { return m_connection; }

    /// `ok` with the result's fields (a struct from replies.h), or with none.
    template <typename Result>
    void ok(const Result &result) const
    {
        okFields(result.toJson());
    }
    void ok() const { okFields({}); }
    void error(const ProtocolError &error) const;
    /// Answers the error when `written` holds one; true then.
    template <typename T>
    bool failed(const Written<T> &written) const
    {
        const auto *failure = std::get_if<ProtocolError>(&written);
        if (failure)
            error(*failure);
        return failure != nullptr;
    }

private:
    void okFields(const QJsonObject &result) const;

    QPointer<ClientConnection> m_connection;
    QJsonValue m_id;
};

} // namespace Natter::Server
