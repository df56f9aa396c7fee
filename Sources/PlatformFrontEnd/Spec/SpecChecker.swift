import Foundation
import PlatformDiagnostics

/// Checks the spec's structure against `PlatformShape`: unknown keys, wrong types, missing keys,
/// bad enum values, malformed quantities, out-of-range numbers, invalid and duplicate names.
/// It reports every problem and never stops early.
package struct SpecChecker {
    package init() {}

    package func check(_ root: SpecNode, into diagnostics: inout DiagnosticBag) {
        checkObject(root, PlatformShape.platform, context: "the platform", into: &diagnostics)
    }

    private func checkObject(_ node: SpecNode, _ shape: ObjectShape, context: String, into diagnostics: inout DiagnosticBag) {
        guard let pairs = node.pairs else {
            diagnostics.error(SpecCodes.wrongType, "expected a mapping for \(context), found \(node.kindName)", at: node.location)
            return
        }
        // A misspelt key already says "did you mean `replicas`?"; do not also call `replicas` missing.
        var suggested = Set<String>()
        for pair in pairs {
            let key = pair.key.text
            guard let field = shape.field(key) else {
                let suggestion = Suggestion.closest(to: key, in: shape.fields.map(\.name))
                if let suggestion { suggested.insert(suggestion) }
                diagnostics.error(SpecCodes.unknownKey, "unknown key `\(key)` in \(context)", at: pair.key.location,
                                  help: suggestion.map { "did you mean `\($0)`?" })
                continue
            }
            checkValue(pair.value, field.type, key: key, context: context, into: &diagnostics)
        }
        for field in shape.fields where field.required && !suggested.contains(field.name) {
            if let value = node[field.name], !(value.scalar?.isNull ?? false) { continue }
            let at = pairs.first { $0.key.text == field.name }?.key.location ?? node.location
            diagnostics.error(SpecCodes.missingKey, "missing required key `\(field.name)` in \(context)", at: at,
                              help: "add `\(field.name):` (\(field.doc))")
        }
    }

    private func checkValue(_ node: SpecNode, _ type: SpecType, key: String, context: String, into diagnostics: inout DiagnosticBag) {
        // Built only for a diagnostic: most values have none.
        var what: String { "`\(key)` in \(context)" }
        switch type {
        case let .object(shape):
            checkObject(node, shape, context: "`\(key)` of \(context)", into: &diagnostics)
        case let .list(itemType):
            guard let items = node.items else {
                if node.scalar?.isNull == true { return }
                return wrongType(node, "a list", what, &diagnostics)
            }
            checkList(items, itemType, key: key, context: context, into: &diagnostics)
        case let .map(valueType):
            guard let pairs = node.pairs else { return wrongType(node, "a mapping", what, &diagnostics) }
            for pair in pairs {
                checkValue(pair.value, valueType, key: "\(key).\(pair.key.text)", context: context, into: &diagnostics)
            }
        case let .quantityOrObject(kind, shape):
            if node.pairs != nil { checkObject(node, shape, context: "`\(key)` of \(context)", into: &diagnostics) }
            else { checkValue(node, .quantity(kind), key: key, context: context, into: &diagnostics) }
        default:
            guard let scalar = node.scalar else { return wrongType(node, type.displayName, what, &diagnostics) }
            if scalar.isNull { return }
            checkScalar(scalar, type, key: key, context: context, into: &diagnostics)
        }
    }

    /// A name of 1–63 bytes of `a-z0-9-` starting and ending with a letter or digit matches
    /// `PlatformShape.dnsLabel`: accepted without compiling the regular expression, which a 5,000-node
    /// spec's ~40,000 names paid for each. Anything else goes to the expression itself.
    static func isPlainDNSLabel(_ text: String, pattern: String) -> Bool {
        guard pattern == PlatformShape.dnsLabel else { return false }
        return text.withUTF8Bytes { bytes in
            func alnum(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) }
            guard let first = bytes.first, let last = bytes.last, bytes.count <= 63, alnum(first), alnum(last) else { return false }
            return bytes.allSatisfy { alnum($0) || $0 == 0x2D }
        }
    }

    private func checkScalar(_ scalar: SpecScalar, _ type: SpecType, key: String, context: String, into diagnostics: inout DiagnosticBag) {
        var what: String { "`\(key)` in \(context)" }
        switch type {
        case let .string(pattern):
            guard let pattern, !Self.isPlainDNSLabel(scalar.text, pattern: pattern),
                  scalar.text.range(of: pattern, options: .regularExpression) == nil else { return }
            if pattern == PlatformShape.dnsLabel {
                let noun = context.hasPrefix("`") ? "" : String(context.prefix { $0 != "`" })
                let message = key == "name" && !noun.isEmpty
                    ? "\(noun)name `\(scalar.text)` is not a DNS-1123 label"
                    : "`\(scalar.text)` is not a DNS-1123 label (\(what))"
                diagnostics.error(SpecCodes.invalidName, message, at: scalar.location,
                                  help: "use at most 63 lower-case letters, digits and `-`, starting and ending with a letter or digit"
                                      + dnsSuggestion(scalar.text))
            } else {
                diagnostics.error(SpecCodes.invalidValue, "invalid value `\(scalar.text)` for \(what)", at: scalar.location,
                                  help: "the value must match `\(pattern)`")
            }
        case let .integer(minimum):
            guard let value = scalar.int else { return wrongType(.scalar(scalar), "an integer", what, &diagnostics) }
            if let minimum, value < minimum {
                diagnostics.error(SpecCodes.outOfRange, "\(what) must be at least \(minimum), found \(value)", at: scalar.location)
            }
        case let .number(minimum):
            guard let value = scalar.double else { return wrongType(.scalar(scalar), "a number", what, &diagnostics) }
            if let minimum, value < minimum {
                diagnostics.error(SpecCodes.outOfRange, "\(what) must be at least \(minimum), found \(scalar.text)", at: scalar.location)
            }
        case .boolean:
            if scalar.bool == nil { wrongType(.scalar(scalar), "a boolean (`true` or `false`)", what, &diagnostics) }
        case let .enumeration(values):
            guard !values.contains(scalar.text) else { return }
            let expected = values.map { "`\($0)`" }.joined(separator: ", ")
            diagnostics.error(SpecCodes.invalidValue, "invalid value `\(scalar.text)` for \(what): expected one of \(expected)",
                              at: scalar.location, help: Suggestion.help(for: scalar.text, in: values))
        case let .quantity(kind):
            if SpecValue.quantity(scalar, kind) == nil {
                diagnostics
                    .error(SpecCodes.malformedQuantity, "malformed quantity `\(scalar.text)` for \(what): expected \(kind.displayName)",
                                  at: scalar.location)
            }
        default:
            break
        }
    }

    private func checkList(_ items: [SpecNode], _ itemType: SpecType, key: String, context: String, into diagnostics: inout DiagnosticBag) {
        var seen: [String: SourceLocation] = [:]
        for (index, item) in items.enumerated() {
            var itemContext = "item \(index + 1) of `\(key)`"
            if case let .object(shape) = itemType, shape.field("name") != nil, let name = item["name"]?.scalar {
                itemContext = "\(SpecNouns.noun(forSection: key)) `\(name.text)`"
                if let first = seen[name.text] {
                    diagnostics.error(SpecCodes.duplicateName, "duplicate \(SpecNouns.noun(forSection: key)) name `\(name.text)`",
                                      at: name.location, notes: [DiagnosticNote("first defined here", at: first)],
                                      help: "names within `\(key)` must be unique")
                } else {
                    seen[name.text] = name.location
                }
            }
            if case .object = itemType {
                checkValue(item, itemType, key: key, context: context, into: &diagnostics, itemContext: itemContext)
            } else {
                checkValue(item, itemType, key: key, context: context, into: &diagnostics)
            }
        }
    }

    private func checkValue(_ node: SpecNode, _ type: SpecType, key: String, context: String, into diagnostics: inout DiagnosticBag,
        itemContext: String) {
        guard case let .object(shape) = type else { return }
        checkObject(node, shape, context: itemContext, into: &diagnostics)
    }

    private func wrongType(_ node: SpecNode, _ expected: String, _ what: String, _ diagnostics: inout DiagnosticBag) {
        diagnostics.error(SpecCodes.wrongType, "expected \(expected) for \(what), found \(node.kindName)", at: node.location)
    }

    private func dnsSuggestion(_ name: String) -> String {
        let fixed = SpecNouns.dnsLabel(from: name)
        return fixed.isEmpty || fixed == name ? "" : ", e.g. `\(fixed)`"
    }
}

/// Words for sections in messages ("model `llama`", "node pool `h100`").
package enum SpecNouns {
    package static func noun(forSection key: String) -> String {
        switch key {
        case "clusters": return "cluster"
        case "nodePools": return "node pool"
        case "teams": return "team"
        case "providers": return "provider"
        case "models": return "model"
        case "routes": return "route"
        case "mcpServers": return "MCP server"
        case "agents": return "agent"
        case "training": return "training job"
        case "gpuCatalog": return "GPU model"
        default: return key
        }
    }

    /// The nearest DNS-1123 label to a name: lower-cased, invalid characters replaced by `-`.
    package static func dnsLabel(from name: String) -> String {
        let mapped = name.lowercased().map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? $0 : "-" }
        var s = String(mapped)
        while s.contains("--") { s = s.replacingOccurrences(of: "--", with: "-") }
        return String(s.trimmingCharacters(in: CharacterSet(charactersIn: "-")).prefix(63))
    }
}
