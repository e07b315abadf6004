/* This machine's floor for a chansite build (#26): the least any program making chansite's site
 * from the same inputs must do. It reads every input file, runs cmark-gfm (with the extensions
 * chansite attaches) over every post's text, and creates every file of a finished chansite site
 * with the same bytes, on both cores. No parsing, no model, no templates, no index: what is left
 * is the kernel's file creation, cmark and reading the input.
 *
 * Before the clock starts it loads the site's files and the posts' texts into memory: the texts
 * come from TEXTS, a file of the posts' texts each ended by a NUL byte (scripts/bench-build.sh
 * makes it from the site's posts.json files).
 *
 * Usage: floor CONTENT SITE TEXTS OUTPUT     prints the seconds from reading CONTENT to the last
 *        file of OUTPUT closed, and the number of files written.
 * Build: cc -O2 -pthread scripts/floor.c -lcmark-gfm -lcmark-gfm-extensions -o floor
 */
#define _GNU_SOURCE
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct {
    char *path; /* relative to the root it was found under */
    char *data;
    size_t size;
} File;

typedef struct {
    File *items;
    size_t count, capacity;
} Files;

static Files found;
static size_t root_length;
static int loading_contents;

static char *read_whole(const char *path, size_t *size) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return NULL;
    struct stat st;
    if (fstat(fd, &st) != 0) { close(fd); return NULL; }
    char *data = malloc((size_t)st.st_size + 1);
    size_t done = 0;
    while (done < (size_t)st.st_size) {
        ssize_t n = read(fd, data + done, (size_t)st.st_size - done);
        if (n <= 0) break;
        done += (size_t)n;
    }
    close(fd);
    data[done] = 0;
    *size = done;
    return data;
}

static int visit(const char *path, const struct stat *st, int type, struct FTW *ftw) {
    (void)st;
    (void)ftw;
    if (type != FTW_F) return 0;
    if (found.count == found.capacity) {
        found.capacity = found.capacity ? found.capacity * 2 : 4096;
        found.items = realloc(found.items, found.capacity * sizeof(File));
    }
    File *file = &found.items[found.count++];
    file->path = strdup(path + root_length + 1);
    file->data = loading_contents ? read_whole(path, &file->size) : NULL;
    return 0;
}

static Files walk(const char *root, int contents) {
    found = (Files){0};
    root_length = strlen(root);
    loading_contents = contents;
    nftw(root, visit, 64, FTW_PHYS);
    return found;
}

/* The work both threads share, split by index: thread t takes items t, t + 2, t + 4, … */
static Files site;
static char **texts;
static size_t text_count;
static const char *output;
static cmark_llist *extensions_of(cmark_mem *mem) {
    static const char *names[] = {"autolink", "strikethrough", "table", "tagfilter"};
    cmark_llist *list = NULL;
    for (size_t i = 0; i < 4; i++) list = cmark_llist_append(mem, list, cmark_find_syntax_extension(names[i]));
    return list;
}

static void make_parents(const char *path) {
    char buffer[4096];
    snprintf(buffer, sizeof buffer, "%s", path);
    for (char *p = buffer + 1; *p; p++) {
        if (*p != '/') continue;
        *p = 0;
        if (mkdir(buffer, 0755) != 0 && errno != EEXIST) perror(buffer);
        *p = '/';
    }
}

static void *work(void *arg) {
    size_t t = (size_t)arg;
    cmark_mem *mem = cmark_get_default_mem_allocator();
    cmark_llist *extensions = extensions_of(mem);
    int options = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_HARDBREAKS;
    size_t html_bytes = 0;
    for (size_t i = t; i < text_count; i += 2) {
        cmark_parser *parser = cmark_parser_new(options);
        for (cmark_llist *e = extensions; e; e = e->next) cmark_parser_attach_syntax_extension(parser, e->data);
        cmark_parser_feed(parser, texts[i], strlen(texts[i]));
        cmark_node *document = cmark_parser_finish(parser);
        char *html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser));
        html_bytes += strlen(html);
        free(html);
        cmark_node_free(document);
        cmark_parser_free(parser);
    }
    char path[4096];
    for (size_t i = t; i < site.count; i += 2) {
        snprintf(path, sizeof path, "%s/%s", output, site.items[i].path);
        int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0 && errno == ENOENT) {
            make_parents(path);
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        }
        if (fd < 0) { perror(path); continue; }
        if (write(fd, site.items[i].data, site.items[i].size) != (ssize_t)site.items[i].size) perror(path);
        close(fd);
    }
    cmark_llist_free(mem, extensions);
    return (void *)html_bytes;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: floor CONTENT SITE TEXTS OUTPUT\n");
        return 2;
    }
    cmark_gfm_core_extensions_ensure_registered();
    site = walk(argv[2], 1);
    size_t texts_size = 0;
    char *all = read_whole(argv[3], &texts_size);
    if (!all) { perror(argv[3]); return 1; }
    for (size_t i = 0; i < texts_size; i++) text_count += all[i] == 0;
    texts = malloc(text_count * sizeof(char *));
    for (size_t i = 0, n = 0, start = 0; i < texts_size; i++) {
        if (all[i] == 0) { texts[n++] = all + start; start = i + 1; }
    }
    output = argv[4];

    struct timespec begin, end;
    clock_gettime(CLOCK_MONOTONIC, &begin);
    Files inputs = walk(argv[1], 1);
    if (mkdir(output, 0755) != 0 && errno != EEXIST) { perror(output); return 1; }
    pthread_t threads[2];
    for (size_t t = 0; t < 2; t++) pthread_create(&threads[t], NULL, work, (void *)t);
    for (size_t t = 0; t < 2; t++) pthread_join(threads[t], NULL);
    clock_gettime(CLOCK_MONOTONIC, &end);
    printf("%.3f s, %zu input files read, %zu posts through cmark, %zu files written\n",
           (double)(end.tv_sec - begin.tv_sec) + (double)(end.tv_nsec - begin.tv_nsec) / 1e9, inputs.count, text_count, site.count);
    return 0;
}
