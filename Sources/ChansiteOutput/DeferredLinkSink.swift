import ChansiteCore
import Foundation

/// A staging sink whose carried-over files are linked later, all at once (`linkAll()`), so a
/// preview rebuild can be served before the thousands of links it keeps: its new files go to
/// the staging folder at once and are also held in memory (up to `budget` bytes) for serving,
/// while every carried-over file is served from the current output, whose bytes are the same.
package final class DeferredLinkSink: OutputSink, @unchecked Sendable {
    let staging: StagingSink
    let budget: Int
    private let pending = LockedBox(
        (
            files: [(path: String, fingerprint: String, key: String?)](),
            same: [(path: String, hash: String, size: Int, fingerprint: String, key: String?)](),
            groups: [(prefix: String, fingerprint: String)](), made: [String: Data](), bytes: 0
        ))

    package init(_ staging: StagingSink, budget: Int = 64 << 20) {
        self.staging = staging
        self.budget = budget
    }

    package func reuse(_ path: String, fingerprint: String) -> Bool {
        reuse(path, fingerprint: fingerprint, key: nil)
    }

    package func reuse(_ path: String, fingerprint: String, key: String?) -> Bool {
        guard staging.madeBefore(path, fingerprint: fingerprint) else { return false }
        pending.mutate { $0.files.append((path, fingerprint, key)) }
        return true
    }

    package func reuse(_ path: String, key: String) -> Bool {
        guard let fingerprint = staging.fingerprint(of: path, key: key) else { return false }
        pending.mutate { $0.files.append((path, fingerprint, key)) }
        return true
    }

    package func reuseGroup(_ prefix: String, fingerprint: String) -> Bool {
        guard staging.madeGroupBefore(prefix, fingerprint: fingerprint) else { return false }
        pending.mutate { $0.groups.append((prefix, fingerprint)) }
        return true
    }

    package func write(_ path: String, contents: Data, fingerprint: String?) throws {
        try write(path, contents: contents, fingerprint: fingerprint, key: nil)
    }

    package func write(_ path: String, contents: Data, fingerprint: String?, key: String?) throws {
        // Made again with the same bytes (feeds, index shards): linked later like the rest.
        let hash = Fingerprint.contentHash(of: contents)
        if staging.hadSameBytes(path, contentHash: hash, size: contents.count) {
            pending.mutate { $0.same.append((path, hash, contents.count, fingerprint ?? hash, key)) }
            return
        }
        try staging.write(path, contents: contents, fingerprint: fingerprint, key: key)
        pending.mutate {
            $0.bytes = $0.bytes > budget ? $0.bytes : $0.bytes + contents.count
            if $0.bytes <= budget { $0.made[path] = contents } else { $0.made = [:] }
        }
    }

    package func write(_ path: String, streamed file: StreamedFile, fingerprint: String?) throws {
        let (hash, size) = (file.contentHash, file.size)
        if staging.hadSameBytes(path, contentHash: hash, size: size) {
            file.close()
            pending.mutate { $0.same.append((path, hash, size, fingerprint ?? hash, nil)) }
            return
        }
        try staging.write(path, streamed: file, fingerprint: fingerprint)
        // Not held for serving (it was made not to be in memory): served once it is in place.
        pending.mutate { $0.bytes = Int.max }
    }

    package func copy(_ path: String, from source: String) throws {
        try staging.copy(path, from: source)
        // A new media file is not in the current output and too large to hold: this build is
        // then served only once it is in place.
        if !staging.isCarriedOver(path) { pending.mutate { $0.bytes = Int.max } }
    }

    package func recordGroup(_ prefix: String, fingerprint: String) {
        staging.recordGroup(prefix, fingerprint: fingerprint)
    }

    /// The files this build made, in memory; nil when they were more than the budget.
    package var made: [String: Data]? {
        let value = pending.value
        return value.bytes <= budget ? value.made : nil
    }

    /// Every file of the site (path → hash of its bytes): the staged ones and those to link;
    /// under `previousUnder` (a group still being written), the last build's files instead.
    package func listing(previousUnder pendingPrefix: String? = nil) -> [String: String] {
        let value = pending.value
        var files = staging.manifest.files.mapValues(\.contentHash)
        for file in value.files { files[file.path] = staging.previous.files[file.path]?.contentHash }
        for same in value.same { files[same.path] = same.hash }
        let previousGroups = value.groups.map(\.prefix) + (pendingPrefix.map { [$0] } ?? [])
        if let pendingPrefix { files = files.filter { !$0.key.hasPrefix(pendingPrefix) } }
        for prefix in previousGroups {
            for (path, entry) in staging.previous.files where path.hasPrefix(prefix) { files[path] = entry.contentHash }
        }
        return files
    }

    /// Links every carried-over file, on all cores. False when one is no longer the file the
    /// manifest describes (the output was changed meanwhile): the build must then be made again.
    package func linkAll() -> Bool {
        let value = pending.value
        let failed = LockedBox(false)
        Parallel.forEach(value.files.count + value.same.count) { index in
            let linked: Bool
            if index < value.files.count {
                let file = value.files[index]
                linked = staging.reuse(file.path, fingerprint: file.fingerprint, key: file.key)
            } else {
                let same = value.same[index - value.files.count]
                linked = staging.linkSame(same.path, contentHash: same.hash, size: same.size, fingerprint: same.fingerprint, key: same.key)
            }
            if !linked { failed.mutate { $0 = true } }
        }
        return !failed.value && value.groups.allSatisfy { staging.reuseGroup($0.prefix, fingerprint: $0.fingerprint) }
    }
}
