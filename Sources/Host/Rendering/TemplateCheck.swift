import CivicSDK
import Foundation

/// Checks a template against the model it is rendered with, before any visitor sees it: every
/// `{{key}}`, section and partial must name a field of the model (or of the section's own model),
/// and every `{{t.…}}` a string of the catalogue. A misspelt key stops the host at start-up with
/// the template and key named, instead of rendering blank.
struct TemplateCheck {
    /// Keys every page may read besides its model's (added by the renderer).
    static let globals: Set<String> = ["t", "root", "csrf", "lang"]

    /// Template texts by full name (`"pages/show"`, `"layout"`), for partials.
    let templates: [String: String]
    /// Flattened string keys known to the template's catalogue.
    let strings: Set<String>

    private enum Frame {
        /// A typed model: its keys and their types.
        case model([String: Any.Type])
        /// A section over text or numbers: only `{{.}}` reads it; other keys resolve outward.
        case opaque
        /// A section that does not change the context (a flag, an inverted section).
        case transparent
    }

    /// The problems found in template `name` rendered with `model`; empty when it is sound.
    func problems(template name: String, model: any TemplateModel.Type) -> [String] {
        guard let text = templates[name] else { return ["template \(name) is missing"] }
        var stack: [Frame] = [.model(model.fieldTypes)]
        var problems: [String] = []
        check(text, name: name, stack: &stack, problems: &problems, depth: 0)
        return problems
    }

    private static let tag = try! NSRegularExpression(pattern: #"\{\{(\{?)\s*([#^/>!&]?)\s*([^}]*?)\s*\}?\}\}"#)

    private func check(_ text: String, name: String, stack: inout [Frame], problems: inout [String], depth: Int) {
        let range = NSRange(text.startIndex..., in: text)
        for match in Self.tag.matches(in: text, range: range) {
            let sigil = String(text[Range(match.range(at: 2), in: text)!])
            let key = String(text[Range(match.range(at: 3), in: text)!])
            switch sigil {
            case "!":
                continue
            case ">":
                guard depth < 8, let partial = templates[key] else { problems.append("\(name): partial \(key) is missing"); continue }
                check(partial, name: key, stack: &stack, problems: &problems, depth: depth + 1)
            case "/":
                if stack.count > 1 { stack.removeLast() }
            case "#":
                stack.append(frame(entering: resolve(key, in: stack, template: name, problems: &problems)))
            case "^":
                _ = resolve(key, in: stack, template: name, problems: &problems)
                stack.append(.transparent)
            default:
                _ = resolve(key, in: stack, template: name, problems: &problems)
            }
        }
    }

    /// The type `key` reads, or `nil` when it cannot be known (a global, text, a string); records a problem when nothing answers it.
    private func resolve(_ key: String, in stack: [Frame], template: String, problems: inout [String]) -> Any.Type? {
        if key == "." { return nil }
        let parts = key.split(separator: ".").map(String.init)
        if parts.first == "t" {
            if !strings.contains(parts.dropFirst().joined(separator: ".")) { problems.append("\(template): string \(key) is not in the catalogue") }
            return nil
        }
        if parts.count == 1, Self.globals.contains(key) { return nil }
        for frame in stack.reversed() {
            guard case .model(let fields) = frame, var type = fields[parts[0]] else { continue }
            for part in parts.dropFirst() {
                guard let model = Self.model(unwrapping: type), let next = model.fieldTypes[part] else {
                    problems.append("\(template): \(key) reads \(part), which \(type) does not have")
                    return nil
                }
                type = next
            }
            return type
        }
        problems.append("\(template): no model field answers {{\(key)}}")
        return nil
    }

    private func frame(entering type: Any.Type?) -> Frame {
        guard let type else { return .opaque }
        if type == Bool.self { return .transparent }
        if let model = Self.model(unwrapping: type) { return .model(model.fieldTypes) }
        return .opaque
    }

    /// The model a section over `type` enters: the type itself, or the element of a list, or the value of an optional.
    private static func model(unwrapping type: Any.Type) -> (any TemplateModel.Type)? {
        var type = type
        if let optional = type as? any OptionalValue.Type { type = optional.wrappedType }
        if let list = type as? any ListValue.Type { type = list.elementType }
        if let optional = type as? any OptionalValue.Type { type = optional.wrappedType }
        return type as? any TemplateModel.Type
    }
}
