// zlib, for the browser test's PNG decoder (inflate and CRC-32).
#include <zlib.h>
