import CivicSDK
import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// Reads a `multipart/form-data` body into fields and files, with MultipartKit's streaming parser.
enum MultipartForm {
    /// The boundary parameter of a `multipart/form-data` content type.
    static func boundary(_ contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.count > 200 ? nil : value
            }
        }
        return nil
    }

    static func parse(_ body: ByteBuffer, boundary: String) throws -> FormData {
        let parser = MultipartParser(boundary: boundary)
        var fields: [String: [String]] = [:]
        var files: [String: [UploadedFile]] = [:]
        var disposition = ""
        var type: String?
        var data: [UInt8] = []
        var failure: (any Error)?
        parser.onHeader = { name, value in
            switch name.lowercased() {
            case "content-disposition": disposition = value
            case "content-type": type = value
            default: break
            }
        }
        parser.onBody = { chunk in data.append(contentsOf: chunk.readableBytesView) }
        parser.onPartComplete = {
            defer { disposition = ""; type = nil; data = [] }
            guard let name = parameter("name", in: disposition), !name.isEmpty else {
                failure = HTTPError(.badRequest)
                return
            }
            if let filename = parameter("filename", in: disposition) {
                // a file input left empty sends a part with an empty name and no bytes
                if !(filename.isEmpty && data.isEmpty) {
                    files[name, default: []].append(UploadedFile(field: name, filename: filename, declaredType: type, bytes: data))
                }
            } else if let text = String(validating: data, as: UTF8.self) {
                fields[name, default: []].append(text)
            } else {
                failure = HTTPError(.badRequest)
            }
        }
        try parser.execute(body)
        if let failure { throw failure }
        return FormData(fields: fields, files: files)
    }

    /// A parameter (`name="…"`) of a `Content-Disposition` header value.
    static func parameter(_ key: String, in header: String) -> String? {
        var remainder = Substring(header)
        while let semicolon = remainder.firstIndex(of: ";") {
            remainder = remainder[remainder.index(after: semicolon)...].drop { $0 == " " }
            guard let equals = remainder.firstIndex(of: "=") else { return nil }
            let name = remainder[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = remainder[remainder.index(after: equals)...]
            var result = ""
            if value.first == "\"" {
                value = value.dropFirst()
                var escaped = false
                var end = value.endIndex
                for index in value.indices {
                    let character = value[index]
                    if escaped { result.append(character); escaped = false } else if character == "\\" { escaped = true } else if character == "\"" {
                        end = index
                        break
                    } else { result.append(character) }
                }
                remainder = end < value.endIndex ? value[value.index(after: end)...] : ""
            } else {
                let end = value.firstIndex(of: ";") ?? value.endIndex
                result = String(value[..<end]).trimmingCharacters(in: .whitespaces)
                remainder = value[end...]
            }
            if name == key { return result }
        }
        return nil
    }
}
