// chansite builds on Linux alone: it swaps the output folder with renameat2(RENAME_EXCHANGE),
// `serve` watches the content with inotify, and the C libraries it wraps come from Debian's
// -dev packages. Saying so here beats a page of missing-symbol errors elsewhere.
#if !os(Linux)
    #error("chansite builds on Linux only (renameat2, inotify, Glibc); see README.md")
#endif
