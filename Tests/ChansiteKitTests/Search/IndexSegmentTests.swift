import ChansiteCore
import ChansiteModel
import ChansiteOutput
import Foundation
import Testing

@testable import ChansiteSearch

/// The index's segments (`SearchIndexBuilder.Segment`): blocks of any size, in any number of
/// passes, and segments kept from an earlier build make the index a fresh build makes, byte
/// for byte; a segment's bytes are checked before they are used.
@Suite struct IndexSegmentTests {
    typealias Generated = SearchAgainstScanTests.Generated

    static func site(_ channels: [[Generated]]) -> Site { SearchAgainstScanTests.site(channels) }

    static func files(_ builder: SearchIndexBuilder, vocabulary: IndexVocabulary = IndexVocabulary()) -> [RenderedFile] {
        var made: [RenderedFile] = []
        builder.write(vocabulary: vocabulary) { file, _ in made.append(file) }
        return made.sorted { $0.path < $1.path }
    }

    /// A vocabulary that keeps everything in memory, as `serve`'s does, counting segment hits.
    static func keepingVocabulary(_ segments: CountingCache) -> IndexVocabulary {
        IndexVocabulary(documents: Memo<SearchIndexBuilder.DocumentWordIDs>(), channelLists: Memo<[String]>(), segments: segments)
    }

    /// A `Memo` of segments that counts what it was asked for and what it knew.
    final class CountingCache: StageCache, @unchecked Sendable {
        let memo = Memo<SearchIndexBuilder.Segment>()
        let counts = LockedBox((asked: 0, known: 0))
        func known(_ key: String) -> SearchIndexBuilder.Segment? {
            let found = memo.known(key)
            counts.mutate {
                $0.asked += 1
                $0.known += found == nil ? 0 : 1
            }
            return found
        }
        func store(_ key: String, _ value: SearchIndexBuilder.Segment) { memo.store(key, value) }
        func endBuild() { memo.endBuild() }
    }

    @Test func blocksOfAnySizeInAnyPassesMakeTheSameIndex() {
        let site = Self.site(SearchAgainstScanTests.generate(seed: 7, count: 90))
        let expected = Self.files(SearchIndexBuilder(site: site))
        #expect(expected.contains { $0.path.hasPrefix("search/postings") })
        for (size, passes) in [(1, 1), (7, 3), (64, 2), (90, 5), (10_000, 1)] {
            var builder = SearchIndexBuilder(site: site)
            builder.segmentPosts = size
            builder.postingPasses = passes
            #expect(Self.files(builder) == expected, "blocks of \(size), \(passes) passes")
        }
    }

    /// Each channel is cut into blocks from its own first post: posts appended to one channel
    /// leave every block of the others, and its own earlier blocks, as they were.
    @Test func keptSegmentsMakeTheIndexAFreshBuildMakes() {
        var channels = SearchAgainstScanTests.generate(seed: 11, count: 40)
        let segments = CountingCache()
        let vocabulary = Self.keepingVocabulary(segments)
        var builder = SearchIndexBuilder(site: Self.site(channels))
        builder.segmentPosts = 16  // three blocks a channel: 16, 16, 8
        _ = Self.files(builder, vocabulary: vocabulary)
        vocabulary.endBuild()
        #expect(segments.counts.value == (9, 0))

        // One post edited in the first channel, posts appended to the last.
        channels[0][20].text += " совершенно новое слово"
        channels[2] += SearchAgainstScanTests.generate(seed: 12, count: 10)[0].enumerated().map { n, post in
            var post = post
            post.date = Date(timeIntervalSince1970: 1_800_000_000 + Double(n))  // after every generated post
            return post
        }
        builder = SearchIndexBuilder(site: Self.site(channels))
        builder.segmentPosts = 16
        let rebuilt = Self.files(builder, vocabulary: vocabulary)
        // Ten blocks now; the edited one and the last channel's last (8 posts, now 16 and 2) are made again.
        #expect(segments.counts.value == (9 + 10, 7))
        var fresh = SearchIndexBuilder(site: Self.site(channels))
        fresh.segmentPosts = 16
        #expect(rebuilt == Self.files(fresh))
        #expect(String(decoding: rebuilt.flatMap(\.contents), as: UTF8.self).contains("совершенн"))
    }

    @Test func aSegmentReadsBackAsItWasAndRefusesItsPrefixes() throws {
        let site = Self.site(SearchAgainstScanTests.generate(seed: 3, count: 12))
        let builder = SearchIndexBuilder(site: site)
        let names = Dictionary(uniqueKeysWithValues: site.channels.map { ($0.slug, $0.displayName) })
        let segment = try #require(builder.segments(names: names, keys: nil, vocabulary: IndexVocabulary(), scratch: nil).first)
        #expect(segment.docCount == 12 && !segment.terms.isEmpty && !segment.forms.isEmpty)
        let again = try #require(SearchIndexBuilder.Segment(bytes: segment.bytes))
        #expect(again.lengths == segment.lengths && again.terms.count == segment.terms.count)
        for cut in 0..<segment.bytes.count {
            #expect(SearchIndexBuilder.Segment(bytes: Array(segment.bytes[..<cut])) == nil, "cut at \(cut)")
        }
    }

    /// Bytes that are not what a segment was (only a wrong program could make them: a cache is
    /// checked whole) are refused, or read without a trap and without a post outside the block.
    @Test func damagedSegmentsNeverTrap() throws {
        let site = Self.site(SearchAgainstScanTests.generate(seed: 5, count: 10))
        let names = Dictionary(uniqueKeysWithValues: site.channels.map { ($0.slug, $0.displayName) })
        let segment = try #require(
            SearchIndexBuilder(site: site).segments(names: names, keys: nil, vocabulary: IndexVocabulary(), scratch: nil).first)
        var random = SeededRandom(state: 9)
        for at in 0..<segment.bytes.count {
            var bytes = segment.bytes
            bytes[at] ^= UInt8.random(in: 1...255, using: &random)
            guard let damaged = SearchIndexBuilder.Segment(bytes: bytes) else { continue }
            let merged = SearchIndexBuilder.MergedSegments([damaged])
            let (postings, _) = merged.postings(of: [damaged], wanted: [Bool](repeating: true, count: merged.names.count))
            #expect(postings.allSatisfy { $0.allSatisfy { Int($0.doc) < damaged.docCount } })
        }
    }
}

extension IndexSegmentTests {
    /// A build whose `reuse` carries over the files an earlier one made by their keys (as the
    /// output's manifest does); what it made, and the whole index as it stands.
    final class Carrier {
        var earlier: [String: (key: String, file: RenderedFile)] = [:]

        func build(_ builder: SearchIndexBuilder, vocabulary: IndexVocabulary) -> (files: [RenderedFile], made: Set<String>) {
            var files: [String: RenderedFile] = [:]
            var made = Set<String>()
            let reuse = { (path: String, key: String) -> Bool in
                guard let old = self.earlier[path], old.key == key else { return false }
                files[path] = old.file
                return true
            }
            let emit = { (file: RenderedFile, key: String?) in
                files[file.path] = file
                if let key {
                    made.insert(file.path)
                    self.earlier[file.path] = (key, file)
                }
            }
            builder.write(vocabulary: vocabulary, reuse: reuse, emit)
            return (files.values.sorted { $0.path < $1.path }, made)
        }
    }

    /// A postings bucket is made again only when one of its terms changed (in postings, slots
    /// or its posts' lengths), and the index then equals a fresh build's.
    @Test func aBucketIsMadeAgainOnlyWhenOneOfItsTermsChanged() {
        var channels = SearchAgainstScanTests.generate(seed: 21, count: 100)
        let vocabulary = Self.keepingVocabulary(CountingCache())
        let carrier = Carrier()
        func builder() -> SearchIndexBuilder {
            var builder = SearchIndexBuilder(site: Self.site(channels))
            builder.segmentPosts = 32
            builder.postingBuckets = 97  // as many as 8,000 posts have: a post's terms fall in a few
            return builder
        }
        let first = carrier.build(builder(), vocabulary: vocabulary)
        vocabulary.endBuild()
        let buckets = first.made.filter { $0.hasPrefix("search/postings/") }
        #expect(buckets.count > 40)
        // A word added to one post: the buckets of its terms change (its length is in every one
        // of its terms' scores), and no other (the average length rounds as it did).
        channels[1][50].text += " " + channels[1][50].words[0]
        let second = carrier.build(builder(), vocabulary: vocabulary)
        let made = second.made.filter { $0.hasPrefix("search/postings/") }
        #expect(!made.isEmpty && made.count * 2 < buckets.count, "\(made.count) of \(buckets.count)")
        #expect(second.files == Self.files(builder()))
    }

    /// Posts appended to a channel move every later channel's posts: their terms are as they
    /// were in their segments, but not where the posts now are numbered.
    @Test func postsAppendedToAChannelMoveTheLaterChannelsPostings() {
        // Two channels with words of their own, every post as long as the others (the scale stays).
        func channel(_ letter: String, _ count: Int) -> [Generated] {
            (0..<count).map { n in
                Generated(
                    words: [], text: "\(letter)\(n % 10)w \(letter)\(n % 13)v", tags: [],
                    date: Date(timeIntervalSince1970: 1_600_000_000 + Double(n) * 3600))
            }
        }
        var channels = [channel("a", 100), channel("b", 100)]
        let vocabulary = Self.keepingVocabulary(CountingCache())
        let carrier = Carrier()
        func builder() -> SearchIndexBuilder {
            var builder = SearchIndexBuilder(site: Self.site(channels))
            builder.segmentPosts = 32
            builder.postingBuckets = 97
            return builder
        }
        _ = carrier.build(builder(), vocabulary: vocabulary)
        vocabulary.endBuild()
        channels[0] = channel("a", 102)
        let second = carrier.build(builder(), vocabulary: vocabulary)
        #expect(second.made.contains { $0.hasPrefix("search/postings/") })
        #expect(second.files == Self.files(builder()))
    }

    /// The scale scores are made with: the count exact below 100, then two significant digits;
    /// the average length three.
    @Test func scoresAreScaledByRoundedCountsAndLengths() {
        let scale = { (count: Int, length: Double) in SearchIndexBuilder.Scale(lengths: Array(repeating: length, count: count)) }
        #expect(scale(99, 7).documents == 99 && scale(100_100, 7).documents == 100_000 && scale(1_250, 7).documents == 1_300)
        #expect(scale(10, 37.62).averageLength == 37.6 && scale(10, 0.5).averageLength == 0.5 && scale(10, 1234).averageLength == 1230)
        #expect(SearchIndexBuilder.Scale(lengths: []).averageLength == 1)
    }

    /// A cache that answers every key with one segment of another length.
    final class WrongCache: StageCache, @unchecked Sendable {
        let segment: SearchIndexBuilder.Segment
        init(_ segment: SearchIndexBuilder.Segment) { self.segment = segment }
        func known(_ key: String) -> SearchIndexBuilder.Segment? { segment }
        func store(_ key: String, _ value: SearchIndexBuilder.Segment) {}
        func endBuild() {}
    }

    /// A segment that is not of its block's length (only a wrong program could keep one) is
    /// made again, never merged: its posts would be numbered wrong.
    @Test func aKeptSegmentOfAnotherLengthIsMadeAgain() throws {
        let small = Self.site(SearchAgainstScanTests.generate(seed: 2, count: 3))
        let names = Dictionary(uniqueKeysWithValues: small.channels.map { ($0.slug, $0.displayName) })
        let wrong = try #require(SearchIndexBuilder(site: small).segments(names: names, keys: nil, vocabulary: IndexVocabulary(), scratch: nil).first)
        let site = Self.site(SearchAgainstScanTests.generate(seed: 8, count: 20))
        let vocabulary = IndexVocabulary(
            documents: Memo<SearchIndexBuilder.DocumentWordIDs>(), channelLists: Memo<[String]>(), segments: WrongCache(wrong))
        #expect(Self.files(SearchIndexBuilder(site: site), vocabulary: vocabulary) == Self.files(SearchIndexBuilder(site: site)))
    }
}
