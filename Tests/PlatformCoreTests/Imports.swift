// The tests cover every layer below the CLI; every file here sees them.
@_exported import PlatformDiff
@_exported import PlatformGenerate
