// The generators write specs and check them with the compiler; every file here sees it.
@_exported import PlatformCore
