import ChansiteCore
import Foundation
import Synchronization

/// The sink of a real build: each file goes into the staging folder as soon as it is made.
/// A file whose inputs did not change since the last build is hard-linked from the current
/// output instead (same inode, bytes and mtime, so `rsync` and deploy tools see no change), as
/// is a re-rendered file whose bytes came out the same. Only what the build wrote is new.
package final class StagingSink: OutputSink, @unchecked Sendable {
    let staging: String
    let output: String
    package let previous: BuildManifest
    private let next = LockedBox(BuildManifest())
    private let folders = LockedBox<Set<String>>([""])
    private let counts = LockedBox((written: 0, reused: 0))
    /// Every path staged so far: no two inputs may ever write one path (the second would
    /// silently replace the first's page).
    private let claimed = LockedBox<Set<String>>([])
    /// Whether the staging folder is an earlier site (`SpareSite`), listed when the build first
    /// stages a file: a build that finds nothing changed never lists it.
    private let stagesIntoSpare: Bool
    /// The listing, once made (`listed`): read without a lock, since every staged file reads
    /// it and a contended lock there cost a fifth of a 100k rebuild's CPU.
    private var listing: SpareSite?
    private let listed = Atomic<Bool>(false)
    private let listingLock = Mutex(())

    /// `stagesIntoSpare`: the staging folder is an earlier site, not an empty folder.
    init(staging: String, output: String, previous: BuildManifest, stagesIntoSpare: Bool = false) {
        self.staging = staging
        self.output = output
        self.previous = previous
        self.stagesIntoSpare = stagesIntoSpare
    }

    private var spare: SpareSite? {
        guard stagesIntoSpare else { return nil }
        if listed.load(ordering: .acquiring) { return listing }
        return listingLock.withLock { _ in
            if !listed.load(ordering: .acquiring) {
                listing = SpareSite(taking: staging, current: previous.files)
                listed.store(true, ordering: .releasing)
            }
            return listing
        }
    }

    /// Room for the manifest made once: grown by doubling, it would hold its old and new
    /// tables at once while the largest pages render (a tenth of a large build's peak).
    package func expect(files count: Int) {
        next.mutate { $0.files.reserveCapacity(count) }
        claimed.mutate { $0.reserveCapacity(count) }
    }

    /// The work folder that holds the staging folder: beside the output, never served.
    package var scratchFolder: String? { PathName.parent(staging) }

    /// Files written anew and files carried over.
    package var written: Int { counts.value.written }
    package var reused: Int { counts.value.reused }
    /// The manifest of what is staged.
    package var manifest: BuildManifest { next.value }

    package func reuse(_ path: String, fingerprint: String) -> Bool {
        reuse(path, fingerprint: fingerprint, key: nil)
    }

    package func reuse(_ path: String, fingerprint: String, key: String?) -> Bool {
        reuse(path, fingerprint: fingerprint, key: key, claimedHere: false)
    }

    package func reuse(_ path: String, key: String) -> Bool {
        guard let old = previous.files[path], old.hasKey(key) else { return false }
        return link(path, old)
    }

    /// `reuse`, for a caller that has claimed `path` already (`claimedHere`). The file's key
    /// becomes `key` when there is one; else it keeps its own, which still names inputs it was
    /// made from.
    private func reuse(_ path: String, fingerprint: String, key: String? = nil, claimedHere: Bool) -> Bool {
        guard var old = previous.files[path], old.hasFingerprint(fingerprint) else { return false }
        if let key { old.key = key }
        return link(path, old, claimedHere: claimedHere)
    }

    /// Whether the last build made `path` from these inputs (`reuse` would link it).
    func madeBefore(_ path: String, fingerprint: String) -> Bool {
        previous.files[path]?.hasFingerprint(fingerprint) == true
    }

    /// The fingerprint of the last build's page at `path` when its key was `key` (`reuse(_:key:)` would link it).
    func fingerprint(of path: String, key: String) -> String? {
        guard let old = previous.files[path], old.hasKey(key) else { return nil }
        return old.fingerprint
    }

    /// Whether the last build's file at `path` has these bytes (their hash and size).
    func hadSameBytes(_ path: String, contentHash: String, size: Int) -> Bool {
        guard let old = previous.files[path] else { return false }
        return old.hasContentHash(contentHash) && old.size == Int64(size)
    }

    /// Whether the last build made the group of files under `prefix` from these inputs.
    func madeGroupBefore(_ prefix: String, fingerprint: String) -> Bool {
        previous.groups[prefix] == fingerprint && previous.files.keys.contains { $0.hasPrefix(prefix) }
    }

    package func reuseGroup(_ prefix: String, fingerprint: String) -> Bool {
        guard madeGroupBefore(prefix, fingerprint: fingerprint) else { return false }
        let members = previous.files.filter { $0.key.hasPrefix(prefix) }
        guard BuildManifest.allMatch(members, under: output) else {
            return false
        }
        for (path, entry) in members where !link(path, entry, checked: true) { return false }
        recordGroup(prefix, fingerprint: fingerprint)
        return true
    }

    /// Records what the build read and reported, for the next build's replay, and the stamps
    /// of the exports it hashed.
    package func record(inputs: String?, replay: BuildManifest.Replay, stamps: [String: BuildManifest.InputStamp]) {
        next.mutate {
            $0.inputs = inputs
            $0.replay = replay
            $0.stamps = stamps.isEmpty ? nil : stamps
        }
    }

    /// The previous build's account, when it read exactly `inputs` and its output is intact.
    package func replayable(inputs: String) -> BuildManifest.Replay? {
        guard previous.inputs == inputs, let replay = previous.replay, OutputMarker.isCompleteSite(output),
            BuildManifest.allMatch(previous.files, under: output)
        else { return nil }
        return replay
    }

    package func recordGroup(_ prefix: String, fingerprint: String) {
        next.mutate { $0.groups[prefix] = fingerprint }
    }

    package func write(_ path: String, contents: Data, fingerprint: String?) throws {
        try write(path, contents: contents, fingerprint: fingerprint, key: nil)
    }

    package func write(_ path: String, contents: Data, fingerprint: String?, key: String?) throws {
        try claim(path)
        let hash = Fingerprint.contentHash(of: contents)
        let fingerprint = fingerprint ?? hash
        if linkSame(path, contentHash: hash, size: contents.count, fingerprint: fingerprint, key: key, claimedHere: true) { return }
        try makeFolder(of: path)
        let target = FileSystem.join(staging, path)
        // A path already linked from the current output gets a new file (`store` makes one),
        // never written through the link: that would change the live site.
        do {
            try OutputWriter.store(contents, at: target)
        } catch {
            throw DiagnosticError(.error("cannot write '\(path)': \(error)"))
        }
        try recordNew(path, fingerprint: fingerprint, contentHash: hash, key: key)
    }

    package func write(_ path: String, streamed file: StreamedFile, fingerprint: String?) throws {
        defer { file.close() }
        try claim(path)
        let hash = file.contentHash
        let fingerprint = fingerprint ?? hash
        if linkSame(path, contentHash: hash, size: file.size, fingerprint: fingerprint, claimedHere: true) { return }
        try makeFolder(of: path)
        let target = FileSystem.join(staging, path)
        // A path already linked from the current output gets the new file in its place, never
        // written through the link: that would change the live site.
        unlink(target)
        do {
            try file.link(to: target)
        } catch {
            throw DiagnosticError(.error("cannot write '\(path)': \(error)"))
        }
        try recordNew(path, fingerprint: fingerprint, contentHash: hash)
    }

    package func copy(_ path: String, from source: String) throws {
        try claim(path)
        var info = stat()
        guard stat(source, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw DiagnosticError(.error("cannot copy '\(source)': \(FileSystem.lastError)"))
        }
        // The source's identity stands for its bytes: hashing a video to compare it costs more
        // than copying it.
        let fingerprint = Fingerprint("file", source, String(info.st_size), String(FileSystem.modifiedNanoseconds(info)), String(info.st_ino)).hex
        if reuse(path, fingerprint: fingerprint, claimedHere: true) { return }
        try makeFolder(of: path)
        let target = FileSystem.join(staging, path)
        // Copied, not linked: a tool that edits the output in place must not reach the user's
        // original. The copy is the file's content, never a symlink.
        do {
            try FileCopy.copy(from: source, to: target)
        } catch {
            throw DiagnosticError(.error("cannot copy '\(source)' to '\(path)': \(error)"))
        }
        try recordNew(path, fingerprint: fingerprint, contentHash: "file-" + fingerprint.prefix(16))
    }

    /// Links the current output's file at `path` when it has these bytes (hash and size),
    /// recording the inputs it now stands for; false when it has other bytes or changed.
    /// `claimedHere`: the caller has just claimed the path for this file.
    func linkSame(_ path: String, contentHash: String, size: Int, fingerprint: String, key: String? = nil, claimedHere: Bool = false) -> Bool {
        guard hadSameBytes(path, contentHash: contentHash, size: size), var same = previous.files[path] else { return false }
        same.fingerprint = fingerprint
        if let key { same.key = key }
        return link(path, same, claimedHere: claimedHere)
    }

    /// Whether the file staged at `path` is the current output's, linked (not made anew).
    func isCarriedOver(_ path: String) -> Bool {
        guard let old = previous.files[path] else { return false }
        return next.value.files[path]?.inode == old.inode
    }

    /// Records a file just made in the staging folder, with the identity it has there.
    private func recordNew(_ path: String, fingerprint: String, contentHash: String, key: String? = nil) throws {
        var info = stat()
        guard lstat(FileSystem.join(staging, path), &info) == 0 else {
            throw DiagnosticError(.error("cannot write '\(path)': \(FileSystem.lastError)"))
        }
        var entry = BuildManifest.Entry(
            fingerprint: fingerprint, contentHash: contentHash, size: Int64(info.st_size), modified: FileSystem.modifiedNanoseconds(info),
            inode: UInt64(info.st_ino))
        entry.key = key
        record(path, entry)
        counts.mutate { $0.written += 1 }
    }

    /// Hard-links the current output's file into the staging folder, if it is still the one
    /// the manifest describes (`checked`: the caller has just made sure); what the spare site
    /// has at `path` is replaced. `claimedHere`: the caller has claimed the path for this file.
    private func link(_ path: String, _ entry: BuildManifest.Entry, checked: Bool = false, claimedHere: Bool = false) -> Bool {
        let source = FileSystem.join(output, path)
        guard checked || BuildManifest.matches(entry, at: source) else { return false }
        // Claimed first: a path staged already stays the error it is (the caller then writes
        // it, and `claim` says so), and nothing of the spare's that the build put there is replaced.
        guard claimedHere || claimed.mutate({ $0.insert(path).inserted }) else { return false }
        let spare = spare
        // The spare's file is the output's very file (the inode just checked): already in place.
        if spare?.inode(of: path) != entry.inode {
            let target = FileSystem.join(staging, path)
            if let spare, spare.has(path) {
                spare.clearFolder(at: path, in: staging, unless: madeInside)
                unlink(target)
            }
            // try?: a folder that cannot be made means no link: the file is then written anew, whose error is reported.
            guard (try? makeFolder(of: path)) != nil, Glibc.link(source, target) == 0 else {
                if !claimedHere { claimed.mutate { _ = $0.remove(path) } }
                return false
            }
        }
        record(path, entry)
        counts.mutate { $0.reused += 1 }
        return true
    }

    /// Takes `path` for one file of this build; a second write to it is an error.
    private func claim(_ path: String) throws {
        guard claimed.mutate({ $0.insert(path).inserted }) else {
            throw DiagnosticError(.error("two files of this build would both be written to '\(path)'; the second is left out"))
        }
        spare?.clearFolder(at: path, in: staging, unless: madeInside)
    }

    /// Whether this build has staged a file under the folder `path`.
    private func madeInside(_ path: String) -> Bool {
        let prefix = path + "/"
        return claimed.value.contains { $0.hasPrefix(prefix) }
    }

    /// Removes what the spare site held that this build did not stage (called once every file
    /// is in: the staged folder is then exactly this build's site).
    package func dropLeftovers() {
        spare?.dropLeftovers(in: staging, claimed: claimed.value)
    }

    private func record(_ path: String, _ entry: BuildManifest.Entry) {
        next.mutate { $0.files[path] = entry }
    }

    private func makeFolder(of path: String) throws {
        let folder = PathName.parent(path)
        guard !folder.isEmpty else { return }
        // Made under the lock, so no thread writes into a folder another is still creating.
        var failure: (any Error)?
        folders.mutate { made in
            guard !made.contains(folder) else { return }
            // A file the spare site has where this folder or one above it goes.
            spare?.clearFiles(along: folder, in: staging) { self.claimed.value.contains($0) }
            do {
                try FileManager.default.createDirectory(atPath: FileSystem.join(staging, folder), withIntermediateDirectories: true)
                made.insert(folder)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }
}
