#include "fuzzentries.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    PlenaryFuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    PlenaryFuzz::startupFileList(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
