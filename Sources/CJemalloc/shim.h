/* jemalloc from Debian's libjemalloc-dev, built without a symbol prefix: linked into the
   executable, its malloc and free replace glibc's for the whole process (libxml2, cmark and the
   Swift runtime included). Only its control interface is declared here; the allocation
   functions are the standard ones. */
#include <stddef.h>

int mallctl(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen);
