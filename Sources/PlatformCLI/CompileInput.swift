import Foundation
import PlatformCore
import PlatformDiagnostics

/// Everything the pure pipeline needs, read from disk at the edge: the spec and the templates.
struct CompileInput {
    var specPath: String
    var spec: [UInt8]
    var templates: TemplateSet
    var templateErrors: [TemplateSet.LoadError]

    /// No snippet source for a spec over the size limit: decoding and splitting it would cost more than the refusal.
    var sources: [String: String] { spec.count > YAMLLoader.maxSpecBytes ? [:] : [specPath: String(decoding: spec, as: UTF8.self)] }

    /// The NCCL topology files the spec's pools name, read relative to the spec's folder; a file
    /// that cannot be read is left out and the compiler reports it at the pool.
    func topologyFiles() -> [String: [UInt8]] {
        // Only a spec that names a topology file needs the extra front-end run below.
        guard spec.count <= YAMLLoader.maxSpecBytes, spec.withUnsafeBufferPointer({ String(decoding: $0, as: UTF8.self) }).contains("topologyFile") else { return [:] }
        var bag = DiagnosticBag()
        guard let platform = FrontEnd(file: specPath).run(spec, into: &bag) else { return [:] }
        var files: [String: [UInt8]] = [:]
        for path in Set(platform.clusters.flatMap(\.nodePools).compactMap(\.topologyFile)) {
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : SpecFile.folder(of: specPath).appendingPathComponent(path)
            if let data = try? Data(contentsOf: url) { files[path] = Array(data) }
        }
        return files
    }

    static func load(options: SpecOptions, templatesFolder: String?) throws -> CompileInput {
        let spec: [UInt8]
        do { spec = try SpecFile.read(options.spec, limit: YAMLLoader.maxSpecBytes + 1) } catch let error as IOFailure { throw fail(error.description) }
        let folder = templatesFolder ?? TemplateFiles.defaultFolder(nearSpec: options.spec)
        var set = TemplateSet()
        var errors: [TemplateSet.LoadError] = []
        if let folder {
            do { (set, errors) = TemplateSet.load(files: try TemplateFiles.read(folder)) } catch let error as IOFailure { throw fail(error.description) }
            set.folder = templatesFolder ?? TemplateFiles.shownFolder(nearSpec: options.spec)
        }
        return CompileInput(specPath: options.spec, spec: spec, templates: set, templateErrors: errors)
    }

    func compile(warningsAsErrors: Bool) -> Compiler.Output {
        var compiler = Compiler(templates: templates)
        compiler.topologyFiles = topologyFiles()
        var output = compiler.compile(spec: spec, file: specPath)
        for error in templateErrors {
            output.diagnostics.error(EmitCodes.templateInvalid, "template \(error)", at: nil)
        }
        if warningsAsErrors { output.diagnostics.promoteWarnings() }
        if output.diagnostics.hasErrors { output.tree = nil }
        return output
    }
}

/// Reads `templates/` as relative path → text for `TemplateSet.load`.
enum TemplateFiles {
    /// `templates/` beside the spec, when it exists.
    static func defaultFolder(nearSpec spec: String) -> String? {
        let folder = SpecFile.folder(of: spec).appendingPathComponent("templates").path
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue ? folder : nil
    }

    /// `templates/` beside the spec as diagnostics show it: relative when the spec path is.
    static func shownFolder(nearSpec spec: String) -> String {
        let folder = (spec as NSString).deletingLastPathComponent
        return folder.isEmpty ? "templates" : (folder as NSString).appendingPathComponent("templates")
    }

    static func read(_ folder: String) throws -> [String: String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw IOFailure("templates folder `\(folder)` does not exist")
        }
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".yaml") else { continue }
            let data = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(relative))
            guard let text = String(data: data, encoding: .utf8) else { throw IOFailure("template `\(relative)` is not UTF-8") }
            files[relative] = text
        }
        return files
    }
}
