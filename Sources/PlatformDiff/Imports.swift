// Diff and report read what the compiler produces; every file here sees it.
@_exported import PlatformCore
