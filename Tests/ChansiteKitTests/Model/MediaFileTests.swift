import Foundation
import Testing

@testable import ChansiteModel

@Suite struct MediaFileTests {
    /// Every `media_type` a Telegram Desktop export writes has its kind; one this version does
    /// not know is kept by name, and each kind's name is the export's.
    @Test func kindsAreTheExportsMediaTypes() throws {
        let types = ["photo", "video_file", "animation", "video_message", "voice_message", "audio_file", "sticker", "file"]
        for type in types {
            let kind = MediaFile.Kind(exportType: type)
            #expect(kind.name == type)
            if case .other = kind { Issue.record("\(type) is not a known kind") }
        }
        #expect(MediaFile.Kind(exportType: nil) == .file)
        #expect(MediaFile.Kind(exportType: "story") == .other("story") && MediaFile.Kind.other("story").name == "story")
        // Anything else an export puts there is no type's name: shown as a file.
        #expect(MediaFile.Kind(exportType: "<b>x</b>") == .file)
        #expect(MediaFile.Kind(exportType: String(repeating: "a", count: 33)) == .file)
    }

    /// Kinds are stored by the export's names; a text dump's placeholder as `unknown`.
    @Test func kindsRoundTripThroughJSON() throws {
        let kinds: [MediaFile.Kind] = [.photo, .videoMessage, .placeholder, .other("story")]
        let data = try JSONEncoder().encode(kinds)
        #expect(String(decoding: data, as: UTF8.self) == #"["photo","video_message","unknown","story"]"#)
        #expect(try JSONDecoder().decode([MediaFile.Kind].self, from: data) == kinds)
    }
}
