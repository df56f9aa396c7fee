import PlatformDiagnostics

/// Why the CLI refused to read a file the spec names (a pool's `topologyFile`) or a template: the
/// file is not inside the spec's repository or the folder given on the command line, is reached
/// through a symbolic link out of it, is not a regular file, or is too large. The core reports it
/// at the spec value that named the file; the message names the path, never the file's contents.
package struct FileRefusal: Hashable, Sendable, Error {
    package var code: DiagnosticCode
    package var message: String
    package var help: String

    package init(_ code: DiagnosticCode, _ message: String, help: String) {
        self.code = code
        self.message = message
        self.help = help
    }
}

/// Codes of the read-containment rule (E802x). Explained in `docs/diagnostics.md`.
package enum ContainmentCodes {
    /// An absolute path, or one whose `..` segments climb out of the repository (or templates folder).
    package static let outside: DiagnosticCode = "E8020"
    /// A path that reaches a file outside through a symbolic link.
    package static let symlinkOut: DiagnosticCode = "E8021"
    /// A FIFO, device, socket or folder where a regular file is expected.
    package static let notRegular: DiagnosticCode = "E8022"
    /// A file over its size bound (`ContainedFileLimits`).
    package static let tooLarge: DiagnosticCode = "E8023"
    /// A path through git metadata (`.git`), which holds remotes and credentials, not inputs.
    package static let gitMetadata: DiagnosticCode = "E8024"
}

/// The size bounds of files read because of the spec. The largest real NCCL topology dump is
/// about 40 KiB, a template a few KiB: the bounds only stop runaway or wrong files.
package enum ContainedFileLimits {
    /// An NCCL topology XML file (1 MiB: 25× the largest real dump; an 8 MiB file took 445 MB
    /// and 33 s to check).
    package static let topologyBytes = 1 << 20
    /// One template file (4 MiB).
    package static let templateBytes = 4 << 20
    /// All templates together (16 MiB, the spec's own bound).
    package static let templatesTotalBytes = 16 << 20
}
