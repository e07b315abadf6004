import ChansiteCore
import Foundation

/// What stands for an export's media in the input digest: every file's path, size, change time
/// and inode, without reading a byte of them. A photo replaced under the same name changes it.
/// The export's own files (`inputs`: `result.json`, the HTML pages), which their digests stand
/// for, are left out: editing one leaves its media as they were (`serve` keeps the posts made
/// from its unchanged messages by this fingerprint).
package enum ExportFolderIdentity {
    package static func fingerprint(of folder: String, inputs: Set<String> = []) -> String {
        var fingerprint = Fingerprint("export-media")
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return "unreadable" }
        var entries: [String] = []
        while let name = walker.nextObject() as? String {
            var info = stat()
            guard !inputs.contains(name), lstat(FileSystem.join(folder, name), &info) == 0 else { continue }
            entries.append("\(name)\u{1F}\(info.st_size)\u{1F}\(FileSystem.modifiedNanoseconds(info))\u{1F}\(info.st_ino)")
        }
        for entry in entries.sorted() { fingerprint.add(entry) }
        return fingerprint.hex
    }
}
