import Testing

@testable import ChansiteCore
@testable import ChansiteOutput

@Suite struct HostLimitsTests {
    @Test func aSiteWithinEveryLimitGetsNoWarning() {
        #expect(HostLimits.warning(files: 18_446, bytes: 120 << 20) == nil)
        #expect(HostLimits.warning(files: 20_000, bytes: 1 << 30) == nil)
    }

    /// Each limit passed is named, with the site's own count and size.
    @Test func theHostsWhoseLimitsASitePassesAreNamed() throws {
        let many = try #require(HostLimits.warning(files: 166_170, bytes: 700 << 20))
        #expect(many.severity == .warning)
        #expect(many.message.hasPrefix("the site has 166,170 files (700 MB)"))
        #expect(many.message.contains("Cloudflare Pages (free plan) takes at most 20,000 files"))
        #expect(many.message.contains("Cloudflare Pages (paid plans) takes at most 100,000 files"))
        #expect(!many.message.contains("GitLab") && !many.message.contains("GitHub"))
        let large = try #require(HostLimits.warning(files: 5_000, bytes: (1 << 30) + 1))
        #expect(large.message.contains("GitHub Pages takes at most 1,024 MB") && !large.message.contains("Cloudflare"))
    }
}
