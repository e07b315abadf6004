import Foundation
import FoundationXML
import Testing

@testable import ChansiteCore
@testable import ChansiteKit
@testable import ChansiteModel
@testable import ChansiteOutput
@testable import ChansiteRender

/// Hostile bytes in every field of every format, and every output file parsed strictly:
/// feeds and the sitemap by an XML parser, the search index by a JSON parser, pages checked
/// for characters HTML does not allow.
@Suite struct WellFormedOutputTests {
    /// Byte sequences of every class that must never reach an output unfiltered.
    static let hostile: [[UInt8]] = [
        [0x00], [0x01], [0x08], [0x0B], [0x0C], [0x1B], [0x1F], [0x7F],  // C0 and DEL
        [0xC2, 0x80], [0xC2, 0x85], [0xC2, 0x9F],  // C1
        [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF],  // U+FFFE, U+FFFF
        [0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9],  // line and paragraph separators
        [0xED, 0xA0, 0x80], [0xFF], [0xC3], [0xE2, 0x82],  // surrogate, invalid and cut UTF-8
        Array("<script>alert(1)</script>".utf8), Array("]]>&amp;\"'".utf8), Array("\u{202E}".utf8),
    ]

    static var fixtureDumps: [(String, [UInt8])] {
        let folder = TestSupport.repositoryRoot.appendingPathComponent("Tests/ChansiteKitTests/Fixtures/dumps")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        return names.map { ($0, Array((try? Data(contentsOf: folder.appendingPathComponent($0))) ?? Data())) }
    }

    /// Inserts hostile or random bytes into about every third line (beyond the binary-sniffing
    /// window for NUL, so the dump is still read), at a random place in the line.
    static func corrupt(_ bytes: [UInt8], with rng: inout SeededRandom) -> [UInt8] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        for index in lines.indices where Int.random(in: 0..<3, using: &rng) == 0 {
            var insert: [UInt8]
            if Bool.random(using: &rng) {
                insert = hostile.randomElement(using: &rng) ?? []
            } else {
                insert = (0..<Int.random(in: 1...6, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            }
            insert.removeAll { $0 == 0x0A || $0 == 0x0D }
            let position = Int.random(in: 0...lines[index].count, using: &rng)
            lines[index].insert(contentsOf: insert, at: position)
        }
        let body = Array(lines.joined(separator: [0x0A]))
        return Array(String(repeating: " ", count: 8200).utf8) + [0x0A] + body.map { $0 == 0 ? 0x01 : $0 }
            + [0x0A, 0x00, 0x0A]
    }

    func buildAndCheck(content: [String: [UInt8]], config: String) throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.copyTemplates(to: root)
        for (name, bytes) in content {
            let url = root.appendingPathComponent("Content/" + name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        try Data(config.utf8).write(to: root.appendingPathComponent("chansite.json"))
        let output = root.appendingPathComponent("Output")
        let pipeline = Pipeline(
            options: BuildOptions(
                contentPath: root.appendingPathComponent("Content").path,
                templatesPath: root.appendingPathComponent("Templates").path,
                outputPath: output.path,
                configPath: root.appendingPathComponent("chansite.json").path))
        try pipeline.write(try pipeline.build())
        try Self.checkEveryFile(in: output)
    }

    static func checkEveryFile(in output: URL) throws {
        let names = (FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String]) ?? []
        var checked = (xml: 0, json: 0, html: 0)
        for name in names {
            let url = output.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path), !FileSystem.isDirectory(url.path) else { continue }
            guard let text = String(validating: data, as: UTF8.self) else {
                Issue.record("\(name) is not valid UTF-8")
                continue
            }
            if let bad = text.unicodeScalars.first(where: { TextDecoding.isForbidden($0) }) {
                Issue.record("\(name) holds U+\(String(bad.value, radix: 16, uppercase: true))")
            }
            if name.hasSuffix(".xml") {
                let parser = XMLParser(data: data)
                #expect(parser.parse(), "\(name) is not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
                checked.xml += 1
            } else if name.hasPrefix("search/"), name.hasSuffix(".js") {
                guard let comma = text.firstIndex(of: ","), let close = text.lastIndex(of: ")") else {
                    Issue.record("\(name) is not an index script")
                    continue
                }
                let json = Data(text[text.index(after: comma)..<close].utf8)
                #expect((try? JSONSerialization.jsonObject(with: json, options: [.fragmentsAllowed])) != nil, "\(name) is not valid JSON")
                #expect(!text.contains("\u{2028}") && !text.contains("\u{2029}"), "\(name) holds a raw line separator")
                checked.json += 1
            } else if name.hasSuffix(".html") {
                #expect(!text.contains("<script>alert"), "\(name) carries a script from a dump")
                checked.html += 1
            }
        }
        #expect(checked.xml >= 3 && checked.json >= 3 && checked.html >= 5, "too few files checked: \(checked)")
    }

    static let hostileConfig = #"{"title": "Site \u0001 \uFFFE \u0085 <&> ]]>", "description": "d\u000b\u2028", "baseURL": "https://example.org/a/"}"#

    @Test func everyCodePointClassInEveryFieldGivesWellFormedOutput() throws {
        var content: [String: [UInt8]] = [:]
        for (name, bytes) in Self.fixtureDumps {
            // Each hostile class after every word of every line: every field gets every class.
            var out: [UInt8] = []
            for (n, byte) in bytes.enumerated() {
                out.append(byte)
                if byte == 0x20 || byte == 0x0A { continue }
                if n + 1 < bytes.count, bytes[n + 1] == 0x20 || bytes[n + 1] == 0x0A {
                    let insert = Self.hostile[n % Self.hostile.count].map { $0 == 0 ? 0x01 : $0 }
                    out += insert
                }
            }
            content[name] = out
        }
        // UTF-16 with a lone surrogate and a NUL character.
        let utf16 = "Канал\n5 subscribers\nDownload Telegram\nПост \u{0} с нулём.\n\n#тег".utf16
        content["utf16.txt"] = [0xFF, 0xFE] + utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [0x00, 0xD8]
        try buildAndCheck(content: content, config: Self.hostileConfig)
    }

    @Test(arguments: 1...12)
    func randomBytesInRandomFieldsGiveWellFormedOutput(seed: UInt64) throws {
        var rng = SeededRandom(state: seed)
        var content: [String: [UInt8]] = [:]
        for (name, bytes) in Self.fixtureDumps {
            content[name] = Self.corrupt(bytes, with: &rng)
        }
        try buildAndCheck(content: content, config: Self.hostileConfig)
    }
    /// An export's strings may carry escaped controls (`\u0001`) and raw C1 controls; a template
    /// may carry a raw control byte (pages mark root links with one): all leave as U+FFFD.
    @Test func controlCharactersInExportsAndTemplatesNeverReachAPage() throws {
        let export = TestSupport.repositoryRoot.appendingPathComponent("Tests/ChansiteKitTests/Fixtures/exports/entities/result.json")
        var json = try String(contentsOf: export, encoding: .utf8)
        json = json.replacingOccurrences(of: #""text": ""#, with: #""text": "\u0001\u001B\u0085\uFFFE"# + "\u{85}")
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.copyTemplates(to: root)
        let footer = root.appendingPathComponent("Templates/partials/footer.mustache")
        try (String(contentsOf: footer, encoding: .utf8) + "<p>\u{1}x</p>\n").write(to: footer, atomically: true, encoding: .utf8)
        let content = root.appendingPathComponent("Content/export")
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try Data(json.utf8).write(to: content.appendingPathComponent("result.json"))
        let output = root.appendingPathComponent("Output")
        let pipeline = Pipeline(
            options: BuildOptions(
                contentPath: root.appendingPathComponent("Content").path, templatesPath: root.appendingPathComponent("Templates").path,
                outputPath: output.path))
        let result = try pipeline.build()
        try pipeline.write(result)
        let warnings = result.diagnostics.filter { $0.message.contains("replaced with U+FFFD") }.map { $0.location?.path ?? "" }
        #expect(warnings.contains { $0.hasSuffix("result.json") } && warnings.contains { $0.hasSuffix("footer.mustache") }, "\(warnings)")
        try Self.checkEveryFile(in: output)
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("<p>\u{FFFD}x</p>"))
    }
}
