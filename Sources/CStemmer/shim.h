// Snowball's stemmers (Debian: libstemmer-dev), for search in French, Arabic and English.
#include <libstemmer.h>
