// The commands use the compiler and what reads and writes around it; every file here sees them.
@_exported import PlatformDiff
@_exported import PlatformGenerate
