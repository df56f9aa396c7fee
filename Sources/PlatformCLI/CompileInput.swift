import Foundation
import PlatformCore
import PlatformDiagnostics

/// Everything the pure pipeline needs, read from disk at the edge through `ContainedFiles`: the
/// spec, the templates and the NCCL topology files the spec's pools name.
struct CompileInput {
    var specPath: String
    var spec: [UInt8]
    var templates: TemplateSet
    /// Template files refused or unusable, as located diagnostics (E5003, E802x).
    var templateProblems: [Diagnostic]
    /// `topologyFile` as written → bytes, and the paths refused (reported at the pools).
    var topologyFiles: [String: [UInt8]] = [:]
    var topologyRefusals: [String: FileRefusal] = [:]

    /// No snippet source for a spec over the size limit: decoding and splitting it would cost more than the refusal.
    var sources: [String: String] { spec.count > YAMLLoader.maxSpecBytes ? [:] : [specPath: String(decoding: spec, as: UTF8.self)] }

    /// The front end with the topology files (and refusals) in.
    var frontEnd: FrontEnd { FrontEnd(file: specPath, topologyFiles: topologyFiles, topologyRefusals: topologyRefusals) }

    static func load(options: SpecOptions, templatesFolder: String?) throws -> CompileInput {
        let spec: [UInt8]
        do {
            spec = try SpecFile.read(options.spec, limit: YAMLLoader.maxSpecBytes + 1)
        } catch let error as IOFailure {
            throw fail(error.description)
        }
        do {
            return try load(specPath: options.spec, spec: spec, templatesFolder: templatesFolder)
        } catch let error as IOFailure {
            throw fail(error.description)
        }
    }

    /// The files a spec's bytes make platformc read, for a spec already in memory (the editor's
    /// buffer in `platformc lsp`); throws `IOFailure` when the templates folder cannot be listed.
    static func load(specPath: String, spec: [UInt8], templatesFolder: String?) throws -> CompileInput {
        let repository = ContainedFiles.around(spec: specPath)
        var input = CompileInput(specPath: specPath, spec: spec, templates: TemplateSet(), templateProblems: [])
        // A folder named on the command line bounds its own reads; `templates/` beside the spec is read inside the spec's repository.
        let folder = templatesFolder ?? TemplateFiles.defaultFolder(nearSpec: specPath)
        if let folder {
            let source = templatesFolder == nil ? repository : ContainedFiles.inside(folder: folder, scope: "the templates folder")
            // Diagnostics name the default folder as the spec's path does (`templates/…` beside `platform.yaml`).
            let specFolder = (specPath as NSString).deletingLastPathComponent
            let shown = templatesFolder ?? (specFolder.isEmpty ? "templates" : specFolder + "/templates")
            let read = try TemplateFiles.read(folder, shownAs: shown, through: source)
            var (set, errors) = TemplateSet.load(files: read.files)
            set.folder = shown
            input.templates = set
            input.templateProblems = read.problems + errors.map { error in
                Diagnostic(.error, EmitCodes.templateInvalid, "template is not usable: \(error.message)",
                           at: SourceLocation(file: TemplateFiles.shown(shown, error.path), line: error.line ?? 1,
                               column: error.column ?? 1),
                           help: "fix the template, or remove it to use the computed object alone")
            }
        }
        for path in TopologyFileScan.paths(in: spec, file: specPath) {
            switch repository.read(path, limit: ContainedFileLimits.topologyBytes, what: "topology file") {
            case let .contents(bytes): input.topologyFiles[path] = bytes
            case let .refused(refusal): input.topologyRefusals[path] = refusal
            case .missing:
                // Every command that reads the spec refuses it alike (`check`, `compile`, `explain inventory`).
                input.topologyRefusals[path] = FileRefusal(PlatformEmitCodes.topologyFileUnread,
                    "topology file `\(path)` could not be read: it does not exist or is not readable",
                    help: "check the path; it is relative to the spec's folder")
            }
        }
        return input
    }

    func compile(warningsAsErrors: Bool, rendering: Bool = true) -> Compiler.Output {
        compile(warningsAsErrors: warningsAsErrors, rendering: rendering) { _, _ in nil }
    }

    /// `previous` gives the last placement once the spec has loaded (see `PreviousLock`).
    func compile(warningsAsErrors: Bool, rendering: Bool = true,
                 previous: (Platform, inout DiagnosticBag) throws -> LockPlacement?) rethrows -> Compiler.Output {
        var compiler = Compiler(templates: templates)
        compiler.rendersTree = rendering
        compiler.topologyFiles = topologyFiles
        compiler.topologyRefusals = topologyRefusals
        var output = try compiler.compile(spec: spec, file: specPath, previous: previous)
        for problem in templateProblems { output.diagnostics.report(problem) }
        if warningsAsErrors { output.diagnostics.promoteWarnings() }
        if output.diagnostics.hasErrors { output.tree = nil }
        return output
    }
}

/// The `topologyFile` values of a spec, found by loading its YAML alone (no checking, lowering or
/// validation): the compile reports every problem of the spec itself later.
enum TopologyFileScan {
    static func paths(in spec: [UInt8], file: String) -> [String] {
        // Only a spec that names a topology file needs the second load: its bytes hold the key's
        // (a byte search, which never misses the key and costs a millisecond, not a decoded search).
        guard spec.count <= YAMLLoader.maxSpecBytes, holds(Array("topologyFile".utf8), in: spec) else { return [] }
        var bag = DiagnosticBag()
        guard let root = YAMLLoader(file: file).load(spec, into: &bag) else { return [] }
        var paths = Set<String>()
        for cluster in root["clusters"]?.items ?? [] {
            for pool in cluster["nodePools"]?.items ?? [] {
                if let path = pool["topologyFile"]?.scalar?.text { paths.insert(path) }
            }
        }
        return paths.sorted()
    }

    /// True when `needle` (not empty) occurs in `bytes`.
    static func holds(_ needle: [UInt8], in bytes: [UInt8]) -> Bool {
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        return bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { needle in
                for start in 0...(haystack.count - needle.count) where haystack[start] == first {
                    if memcmp(haystack.baseAddress! + start, needle.baseAddress!, needle.count) == 0 { return true }
                }
                return false
            }
        }
    }
}

/// Reads a templates folder as relative path → text for `TemplateSet.load`, through `ContainedFiles`.
enum TemplateFiles {
    struct Result {
        var files: [String: String] = [:]
        /// Files refused (E802x) or not UTF-8 (E5003), located at the file.
        var problems: [Diagnostic] = []
    }

    /// `templates/` beside the spec, when it exists.
    static func defaultFolder(nearSpec spec: String) -> String? {
        let folder = SpecFile.folder(of: spec).appendingPathComponent("templates").path
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue ? folder : nil
    }

    /// How diagnostics name a template: the folder as given, then the path inside it.
    static func shown(_ folder: String, _ relative: String) -> String {
        (folder.hasSuffix("/") ? folder : folder + "/") + relative
    }

    /// Every `.yaml` and `.yml` file under `folder` (the keys `TemplateSet` accepts), without
    /// descending into `.git` or through links to folders; links to files are read only when they
    /// stay inside `source.root`.
    static func read(_ folder: String, shownAs shownFolder: String, through source: ContainedFiles) throws -> Result {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw IOFailure("templates folder `\(folder)` does not exist")
        }
        var found: [String] = []
        try walk(folder, relative: "", into: &found)
        var result = Result()
        var total = 0
        for relative in found.sorted(by: { $0.precedesInByteOrder($1) }) {
            let shown = shown(shownFolder, relative)
            let limit = min(ContainedFileLimits.templateBytes, ContainedFileLimits.templatesTotalBytes - total)
            switch source.readContained(folder + "/" + relative, shown: shown, limit: limit, what: "template") {
            case let .contents(bytes):
                total += bytes.count
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    result.problems.append(Diagnostic(.error, EmitCodes.templateInvalid, "template is not valid UTF-8",
                                                      at: SourceLocation(file: shown, line: 1, column: 1),
                                                      help: "save the template as UTF-8"))
                    continue
                }
                result.files[relative] = text
            case let .refused(refusal):
                result.problems
                    .append(Diagnostic(.error, refusal.code, refusal.message, at: SourceLocation(file: shown, line: 1, column: 1),
                                                  help: refusal.help))
            case .missing:
                result.problems.append(Diagnostic(.error, EmitCodes.templateInvalid, "template cannot be read",
                                                  at: SourceLocation(file: shown, line: 1, column: 1),
                                                  help: "check the file's permissions"))
            }
        }
        return result
    }

    /// Collects relative paths of entries named `.yaml`/`.yml` (files, links and anything else:
    /// the read refuses what is not a regular file inside the root).
    private static func walk(_ directory: String, relative: String, into found: inout [String]) throws {
        guard let handle = opendir(directory) else { throw IOFailure("cannot list `\(directory)`: \(String(cString: strerror(errno)))") }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." || name.lowercased() == ".git" { continue }
            let path = directory + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if info.st_mode & S_IFMT == S_IFDIR {
                try walk(path, relative: relative + name + "/", into: &found)
            } else if TemplateSet.isTemplatePath(name) {
                found.append(relative + name)
            }
        }
    }
}
