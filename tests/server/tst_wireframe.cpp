// SPDX-License-Identifier: GPL-3.0-or-later
#include "wireframe.h"

#include <QJsonObject>
#include <QTest>

using namespace Natter::Server;

class TestWireFrame : public QObject {
    Q_OBJECT

private slots:
    void lengthsUseTheShortestForm_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("empty") << 0 << QByteArray::fromHex("8100");
        QTest::newRow("125: in the first byte") << 125 << QByteArray::fromHex("817d");
        QTest::newRow("126: 16 bits") << 126 << QByteArray::fromHex("817e007e");
        QTest::newRow("65535: 16 bits") << 65535 << QByteArray::fromHex("817effff");
        QTest::newRow("65536: 64 bits") << 65536 << QByteArray::fromHex("817f0000000000010000");
    }
    void lengthsUseTheShortestForm()
    {
        QFETCH(int, size);
        QFETCH(QByteArray, header);
        const QByteArray payload(size, 'x');
        const WireFrame frame(payload);
        // FIN and the text opcode, no mask (a server never masks), then the length, then the text itself.
        QCOMPARE(frame.bytes().left(header.size()).toHex(), header.toHex());
        QCOMPARE(frame.bytes().size(), header.size() + size);
        QCOMPARE(frame.payload(), QByteArrayView(payload));
    }

    void jsonIsCompactUtf8()
    {
        const WireFrame frame = WireFrame::fromJson({{QStringLiteral("type"), QStringLiteral("ok")},
                                                     {QStringLiteral("text"), QStringLiteral("h\u00e9")}});
        QCOMPARE(frame.payload(), QByteArrayView(R"({"text":"hé","type":"ok"})"));
        QCOMPARE(quint8(frame.bytes().at(1)), quint8(frame.payload().size()));
    }
};

QTEST_APPLESS_MAIN(TestWireFrame)
#include "tst_wireframe.moc"
