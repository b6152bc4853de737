// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: arbitrary bytes into the request-frame decoder, every request it parses into every typed
// decoder of requests.h (the router calls one, but each must be safe on any fields), and whatever a typed
// decoder accepts back out as a whole client frame and in again, to an equal request. Rejected frames are
// turned into the error reply the server would send, which must be valid and never echo forbidden text.
#include "errorcode.h"
#include "frames.h"
#include "request.h"
#include "requests.h"
#include "validation.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <concepts>
#include <cstdio>
#include <cstdlib>

namespace {

using namespace Natter;

[[noreturn]] void fail(const char *what, const QByteArray &detail)
{
    std::fprintf(stderr, "fuzz_frames: %s\n  %s\n", what, detail.constData());
    std::fflush(stderr);
    std::abort();
}

// The request structs have no operator== (checked: none of requests.h declares one); where one is added
// it is used, otherwise two requests are equal when their JSON is.
template <typename R>
bool sameRequest(const R &a, const R &b)
{
    if constexpr (std::equality_comparable<R>)
        return a == b;
    else
        return a.toJson() == b.toJson();
}

void checkError(const ProtocolError &error, const QJsonValue &id, const QByteArray &input)
{
    if (error.message.isEmpty() || errorCodeFromName(errorCodeName(error.code)) != error.code)
        fail("an error without a message or with a code that has no wire name", input);
    // The reply as the server sends it, read back as a client does.
    const QByteArray reply = Frames::serialize(error.toReply(id)).toUtf8();
    const QJsonDocument document = QJsonDocument::fromJson(reply);
    if (!document.isObject())
        fail("an error reply that is not a JSON object", reply);
    const QJsonObject object = document.object();
    const auto back = ProtocolError::fromReply(object);
    if (!back || back->code != error.code || back->message != error.message)
        fail("an error reply that does not read back as the same error", reply);
    const QJsonValue echoed = object.value(QLatin1String("id"));
    if (!echoed.isUndefined() && echoed != id)
        fail("an error reply with another id than the request's", reply);
    if (echoed.isString() && Validation::hasForbiddenCharacters(echoed.toString()))
        fail("an error reply that echoes NUL or an unpaired surrogate", reply);
}

template <typename R>
void checkDecoder(const Request &request, const QByteArray &input)
{
    const Decoded<R> decoded = R::decode(request.fields);
    if (const auto *error = std::get_if<ProtocolError>(&decoded))
        return checkError(*error, request.id, input);
    const R &value = std::get<R>(decoded);
    // What a decoder accepts, the client's encoding of it (a whole frame, as the client sends it) must pass
    // the envelope and the same decoder again, unchanged.
    const QByteArray frame = Frames::serialize(requestFrame(value, request.id)).toUtf8();
    const auto reparsed = parseRequestFrame(frame);
    const auto *again = std::get_if<Request>(&reparsed);
    if (!again)
        fail("an accepted request, encoded again, is rejected as a frame", frame);
    if (again->type != R::type || again->id != request.id)
        fail("an accepted request, encoded again, changed its type or id", frame);
    const Decoded<R> redecoded = R::decode(again->fields);
    const auto *second = std::get_if<R>(&redecoded);
    if (!second)
        fail("an accepted request, encoded again, is rejected by its decoder", frame);
    if (!sameRequest(value, *second))
        fail("an accepted request, encoded and decoded again, is not the same", frame);
}

template <typename... R>
void checkDecoders(const Request &request, const QByteArray &input, const std::tuple<R...> *)
{
    (checkDecoder<R>(request, input), ...);
    const bool listed = ((request.type == R::type) || ...);
    if (listed != isKnownRequestType(request.type))
        fail("RequestTypes and isKnownRequestType() disagree", request.type.toUtf8());
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // For QCoreApplication::translate() in the decoders; never deleted (libFuzzer ends with exit()).
    new QCoreApplication(*argc, *argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto parsed = parseRequestFrame(input);
    if (const auto *rejected = std::get_if<RejectedFrame>(&parsed)) {
        checkError(rejected->error, rejected->id, input);
        return 0;
    }
    const Request &request = std::get<Request>(parsed);
    if (request.fields.value(QLatin1String("type")).toString() != request.type ||
        request.fields.value(QLatin1String("id")) != request.id ||
        !(request.id.isString() || request.id.isDouble()))
        fail("a parsed request whose type or id is not the frame's", input);
    checkDecoders(request, input, static_cast<const RequestTypes *>(nullptr));
    return 0;
}
