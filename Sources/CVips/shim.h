#include <vips/vips.h>

// From <vips/vector.h>, which this libvips does not include from <vips/vips.h>: turns liborc's
// run-time compiled vector code on or off for the whole process.
void vips_vector_set_enabled(gboolean enabled);

// libvips takes its options as C varargs, which Swift cannot call: these fixed-argument
// wrappers are the only entry points chansite uses (see Media/ImageThumbnailer.swift).

/// Resizes the image at `path` to exactly `width` × `height` (the caller keeps the aspect),
/// honouring EXIF orientation; only the needed part of a JPEG is decoded.
static inline int chansite_vips_thumbnail(const char *path, VipsImage **out, int width, int height) {
    return vips_thumbnail(path, out, width, "height", height, "size", VIPS_SIZE_FORCE, NULL);
}

/// The same from an image already in memory (a smaller thumbnail made from the largest one).
static inline int chansite_vips_thumbnail_buffer(const void *buffer, size_t length, VipsImage **out, int width, int height) {
    return vips_thumbnail_buffer((void *)buffer, length, out, width, "height", height, "size", VIPS_SIZE_FORCE, NULL);
}

/// Encodes as a baseline JPEG with no metadata (no camera EXIF or GPS leaks into the site).
static inline int chansite_vips_jpeg(VipsImage *in, void **buffer, size_t *length, int quality) {
    return vips_jpegsave_buffer(in, buffer, length, "Q", quality, "strip", TRUE, "optimize_coding", TRUE, NULL);
}

/// Opens an image lazily: reading its width and height decodes only the header.
static inline VipsImage *chansite_vips_open(const char *path) {
    return vips_image_new_from_file(path, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
}

static inline void chansite_vips_unref(VipsImage *image) {
    g_object_unref(image);
}
