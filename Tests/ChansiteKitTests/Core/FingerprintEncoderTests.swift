import ChansiteCore
import Testing

/// `Fingerprint.add(encodable:)`: values that differ anywhere give different keys, however
/// their fields nest, and the same value gives the same key in every process.
@Suite struct FingerprintEncoderTests {
    struct Inner: Encodable {
        var b: Int
        var c: Int?
    }

    struct Outer: Encodable {
        var a: Inner
        var c: Int?
        var list: [String]
        var flag = false
        var ratio = 0.5
    }

    static func key(_ value: some Encodable) -> String {
        var fingerprint = Fingerprint()
        fingerprint.add(encodable: value)
        return fingerprint.hex
    }

    @Test func everyDifferenceChangesTheKey() {
        let base = Outer(a: Inner(b: 1, c: nil), c: 2, list: ["x", "y"])
        var variants = [base]
        // A field moved into the nested value: the same keys and numbers in another shape.
        variants.append(Outer(a: Inner(b: 1, c: 2), c: nil, list: ["x", "y"]))
        variants.append(Outer(a: Inner(b: 2, c: nil), c: 2, list: ["x", "y"]))
        variants.append(Outer(a: Inner(b: 1, c: nil), c: nil, list: ["x", "y"]))
        variants.append(Outer(a: Inner(b: 1, c: nil), c: 2, list: ["xy"]))
        variants.append(Outer(a: Inner(b: 1, c: nil), c: 2, list: ["x", "y", ""]))
        variants.append(Outer(a: Inner(b: 1, c: nil), c: 2, list: ["x", "y"], flag: true))
        variants.append(Outer(a: Inner(b: 1, c: nil), c: 2, list: ["x", "y"], ratio: 0.25))
        let keys = variants.map(Self.key)
        #expect(Set(keys).count == keys.count)
        #expect(Self.key(base) == Self.key(Outer(a: Inner(b: 1, c: nil), c: 2, list: ["x", "y"])))
    }

    @Test func theKeyFollowsTheFingerprintItIsAddedTo() {
        var one = Fingerprint("before")
        one.add(encodable: [1, 2])
        var other = Fingerprint("other")
        other.add(encodable: [1, 2])
        #expect(one.hex != other.hex)
        // A known value keeps its key across processes and builds.
        #expect(Self.key(Inner(b: 7, c: 8)) == Self.key(Inner(b: 7, c: 8)))
    }
}
