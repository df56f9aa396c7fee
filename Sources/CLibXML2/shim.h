// libxml2 is built with ICU on Debian, so its encoding.h includes the system's <unicode/*.h>.
// Foundation ships its own ICU module (_FoundationICU) whose UErrorCode differs, and clang refuses
// the two definitions in one module graph. We use no ICU-dependent libxml2 API, so hide it.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlerror.h>
