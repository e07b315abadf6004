/* libxml2 built with ICU would pull ICU's headers in, which clash with the copy Foundation
   carries; chansite uses no encoding handler, only pointers to one. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

/* Silences libxml2's error output for this thread: archives are hostile, and a parse error in
   one is a diagnostic chansite writes itself, never text on the terminal. */
static void chansite_xml_ignore(void *context, const char *message, ...) { (void)context; (void)message; }

static inline void chansite_xml_silence(void) {
    xmlSetGenericErrorFunc(NULL, chansite_xml_ignore);
    xmlSetStructuredErrorFunc(NULL, NULL);
}

/* xmlFree is a global function pointer, which Swift 6 will not read from concurrent code. */
static inline void chansite_xml_free(void *pointer) { xmlFree(pointer); }
