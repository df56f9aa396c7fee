// Every file here sees the diff's types (the CLI re-exports the rest).
@_exported import PlatformDiff
