// COIN-OR Cbc's C API (Debian coinor-libcbc-dev 2.10.x: /usr/include/coin/Cbc_C_Interface.h).
#include <Cbc_C_Interface.h>
