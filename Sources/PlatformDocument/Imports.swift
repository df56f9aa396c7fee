// The document model builds on the concurrency helper; every file here sees it, and so does every
// layer above (each re-exports the one below).
@_exported import PlatformConcurrency
