import PlatformDiagnostics

/// The images the platform runs: `ComponentVersions`, with the spec's `components:` overrides.
package struct ComponentImages: Hashable, Sendable {
    /// Component name → the spec line that overrides its image.
    package var overrides: [String: SourceLocation] = [:]
    private var images: [String: String] = [:]

    package init() {}

    /// The image to emit for `component`: the spec's override, else the pinned one.
    package func image(_ component: ComponentImage) -> String { images[component.name] ?? component.image }

    mutating func set(_ name: String, image: String, at location: SourceLocation) {
        images[name] = image
        overrides[name] = location
    }
}

/// Codes of component versions (E7400–W7419).
package enum ComponentCodes {
    /// `components:` names no component platformc emits.
    package static let unknownComponent: DiagnosticCode = "E7401"
    /// A component image has no tag or digest, or the mutable tag `latest`.
    package static let unpinnedImage: DiagnosticCode = "E7402"
    /// A component runs another version than the one its upstream facts were checked at.
    package static let overriddenVersion: DiagnosticCode = "W7403"
}

/// Lowers `components:` (each key a `ComponentVersions` name, each value `{image: …}`): an unknown
/// name is E7401 at its key, an image without tag or digest E7402 at the image, and every accepted
/// override W7403, since the flags and metric names we emit were checked at the pinned version.
enum ComponentOverrides {
    static func lower(_ spec: SpecObject, into diagnostics: inout DiagnosticBag) -> ComponentImages {
        var result = ComponentImages()
        let known = ComponentVersions.images.map(\.name)
        guard case let .map(.object(shape))? = spec.shape.field("components")?.type else { return result }
        for entry in spec.entries("components") {
            guard let component = ComponentVersions.image(named: entry.key) else {
                let closest = Suggestion.closest(to: entry.key, in: known)
                diagnostics.error(ComponentCodes.unknownComponent, "unknown component `\(entry.key)` in `components`", at: entry.location,
                                  help: closest.map { "did you mean `\($0)`?" }
                                      ?? "components are \(known.map { "`\($0)`" }.joined(separator: ", "))")
                continue
            }
            let o = SpecObject(entry.value, shape, fallback: entry.location)
            guard let image = o.string("image") else { continue }  // missing `image` is E1xxx already
            if let problem = ImagePinning.problem(image) {
                diagnostics
                    .error(ComponentCodes.unpinnedImage, "image `\(image)` of component `\(entry.key)` \(problem)", at: o.loc("image"),
                                  help: "pin it by version tag or digest, e.g. `\(component.repository):\(component.tag)` or "
                                      + "`…@sha256:<digest>`")
                continue
            }
            guard image != component.image else { continue }
            diagnostics.warning(ComponentCodes.overriddenVersion,
                                "component `\(entry.key)` runs `\(image)`, not `\(component.image)` whose flags and metric names platformc "
                                    + "checked",
                                at: o.loc("image"),
                                notes: component.facts.map { DiagnosticNote("checked at \(component.tag): \($0)") },
                                help: "check these facts hold for `\(image)`, or keep `\(component.tag)`")
            result.set(entry.key, image: image, at: o.loc("image"))
        }
        return result
    }
}
