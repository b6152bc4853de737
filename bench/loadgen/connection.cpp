// SPDX-License-Identifier: GPL-3.0-or-later
#include "connection.h"

#include <charconv>

namespace Natter::Bench {

void Connection::queueFrame(uint8_t opcode, std::string_view payload, uint32_t mask)
{
    if (outSent > 0 && outSent == out.size()) {
        out.clear();
        outSent = 0;
    }
    char header[14];
    std::size_t length = 0;
    header[length++] = char(0x80 | opcode); // FIN: never fragmented
    const std::size_t size = payload.size();
    if (size < 126) {
        header[length++] = char(0x80 | size);
    } else if (size <= 0xffff) {
        header[length++] = char(0x80 | 126);
        header[length++] = char(size >> 8);
        header[length++] = char(size);
    } else {
        header[length++] = char(0x80 | 127);
        for (int shift = 56; shift >= 0; shift -= 8)
            header[length++] = char(uint64_t(size) >> shift);
    }
    const char key[4] = {char(mask >> 24), char(mask >> 16), char(mask >> 8), char(mask)};
    for (char byte : key)
        header[length++] = byte;
    out.append(header, length);
    const std::size_t start = out.size();
    out.append(payload);
    // Clients must mask (RFC 6455 5.3); a server may close the connection otherwise.
    char *data = out.data() + start;
    for (std::size_t i = 0; i < size; ++i)
        data[i] ^= key[i & 3];
}

void Connection::queueText(std::string_view text, uint32_t mask)
{
    queueFrame(0x1, text, mask);
}

std::string_view jsonString(std::string_view json, std::string_view key)
{
    std::string pattern;
    pattern.reserve(key.size() + 4);
    pattern.append("\"").append(key).append("\":\"");
    const std::size_t at = json.find(pattern);
    if (at == std::string_view::npos)
        return {};
    const std::size_t begin = at + pattern.size();
    const std::size_t end = json.find('"', begin);
    if (end == std::string_view::npos)
        return {};
    return json.substr(begin, end - begin);
}

int64_t jsonInt(std::string_view json, std::string_view key, int64_t fallback)
{
    std::string pattern;
    pattern.reserve(key.size() + 3);
    pattern.append("\"").append(key).append("\":");
    const std::size_t at = json.find(pattern);
    if (at == std::string_view::npos)
        return fallback;
    int64_t value = fallback;
    const char *begin = json.data() + at + pattern.size();
    std::from_chars(begin, json.data() + json.size(), value);
    return value;
}

} // namespace Natter::Bench
