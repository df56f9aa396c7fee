// The compiler builds on the front end and the document model; every file here sees both, and so
// does every client that imports PlatformCore.
@_exported import PlatformFrontEnd
