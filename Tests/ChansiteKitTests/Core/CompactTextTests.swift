import Foundation
import Testing

@testable import ChansiteCore

@Suite struct CompactTextTests {
    @Test func everyTextReadsBackAsItWas() {
        let texts = [
            "", "0", "00ff", "0123456789abcdef", "0123456789abcdef0123456789abcdef", "ffffffffffffffffffffffffffffffff",
            "000000000000000000000000000000001", "ABCDEF", "file-0123abcd", "g", "héllo", Fingerprint("x").hex,
            Fingerprint.contentHash(of: Data("page".utf8)),
        ]
        for text in texts { #expect(CompactText(text).string == text) }
    }

    @Test func hexDigitsAreHeldWithoutTheText() {
        #expect(CompactText(Fingerprint("x").hex) != .text(Fingerprint("x").hex))
        if case .hex = CompactText(Fingerprint("x").hex) {} else { Issue.record("a fingerprint was not packed") }
        if case .text = CompactText("ABCDEF") {} else { Issue.record("upper-case digits were packed, and would read back lower-case") }
        if case .text = CompactText(String(repeating: "a", count: 33)) {} else { Issue.record("33 digits do not fit") }
    }

    @Test func equalTextsAreEqualAndOthersAreNot() {
        #expect(CompactText("00ab") == CompactText("00ab"))
        // Leading zeros count: the same number, another text.
        #expect(CompactText("00ab") != CompactText("ab"))
        #expect(CompactText("ab") != CompactText("ac"))
        #expect(Set([CompactText("a1"), CompactText("a1"), CompactText("x1")]).count == 2)
    }
}
