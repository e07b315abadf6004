import Foundation
import Testing

@testable import ChansiteModel

/// A post without text is named as Telegram's chat list names it, in the site's language.
@Suite struct PostHeadingTests {
    static func post(media: [MediaFile] = [], poll: PostDetails.Poll? = nil) -> Post {
        var post = Post(text: "", source: SourceRange(path: "a.txt", firstLine: 1, lastLine: 1))
        post.media = media
        if let poll {
            var details = PostDetails()
            details.poll = poll
            post.details = details
        }
        return post
    }

    static let russian = SiteStrings(
        language: "ru", plural: .eastSlavic,
        texts: ["heading.album": "Альбом · {photos}", "heading.poll": "Опрос: {question}", "media.video_file": "Видео", "media.photo": "Фото"],
        counted: ["photos": ["one": "{n} фото", "few": "{n} фото", "many": "{n} фото"]])

    @Test func mediaPostsAreNamedByKindCountAndDuration() {
        let album = Self.post(media: Array(repeating: MediaFile(kind: .photo), count: 10))
        #expect(album.heading == "Album · 10 photos")
        #expect(album.heading(in: Self.russian) == "Альбом · 10 фото")
        let video = Self.post(media: [MediaFile(kind: .videoFile, durationSeconds: 14)])
        #expect(video.heading(in: Self.russian) == "Видео 0:14")
        #expect(Self.post(media: [MediaFile(kind: .videoFile, durationSeconds: 3725)]).heading(in: Self.russian) == "Видео 1:02:05")
        #expect(Self.post(media: [MediaFile(kind: .photo)]).heading(in: Self.russian) == "Фото")
        let poll = PostDetails.Poll(question: "Which format?", closed: false, totalVoters: 3, answers: [])
        #expect(Self.post(poll: poll).heading == "Poll: Which format?")
        #expect(Self.post(poll: poll).heading(in: Self.russian) == "Опрос: Which format?")
    }
}
