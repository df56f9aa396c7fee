// The front end builds on the document model; every file here sees it (and nothing above).
@_exported import PlatformDocument
