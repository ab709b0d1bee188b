import ConvfuzzSpec

/// Compares a loaded spec with an imported OpenAPI operation.
public enum SpecDiffer {
    // MARK: Comparing

    /// What the document declares and the spec lacks, and the reverse.
    public static func diff(spec: Spec, operation: ImportedOperation) -> SpecDrift {
        var drift = SpecDrift()
        let specNames = Set(spec.parameters.map(\.name))
        let documentNames = Set(operation.parameters.map(\.name))
        drift.documentOnlyParameters = operation.parameters.map(\.name).filter { !specNames.contains($0) }
        drift.specOnlyParameters = spec.parameters.map(\.name).filter { !documentNames.contains($0) }
        for mine in spec.parameters {
            guard let theirs = operation.parameter(named: mine.name) else { continue }
            compare(mine, theirs, into: &drift)
        }
        if let documentSchema = operation.responseSchema {
            let specFields = FieldWalker(definitions: spec.response.definitions).fields(spec.response.schema)
            let documentFields = FieldWalker(definitions: operation.definitionMap).fields(documentSchema)
            let specPaths = Set(specFields.map(\.path))
            let documentPaths = Set(documentFields.map(\.path))
            drift.documentOnlyFields = documentFields.map(\.path).filter { !specPaths.contains($0) }
            drift.specOnlyFields = specFields.map(\.path).filter { !documentPaths.contains($0) }
            let specEnums = Dictionary(specFields.map { ($0.path, $0.enumValues) }, uniquingKeysWith: { first, _ in first })
            for field in documentFields {
                guard let mine = specEnums[field.path] else { continue }
                let enumDrift = difference(subject: "response field \(field.path)", spec: mine, document: field.enumValues)
                if let enumDrift { drift.enums.append(enumDrift) }
            }
        }
        return drift
    }

    // MARK: Parameters

    private static func compare(_ mine: ParameterSpec, _ theirs: ParameterSpec, into drift: inout SpecDrift) {
        func attribute(_ name: String, _ spec: String?, _ document: String?) {
            if spec != document {
                drift.attributes.append(.init(parameter: mine.name, attribute: name, spec: spec, document: document))
            }
        }
        attribute("type", typeName(mine), typeName(theirs))
        let myBounds = mine.valueBounds
        let theirBounds = theirs.valueBounds
        attribute("minimum", myBounds.minimum.map(String.init), theirBounds.minimum.map(String.init))
        attribute("maximum", myBounds.maximum.map(String.init), theirBounds.maximum.map(String.init))
        if mine.type != .list { attribute("default", mine.defaultValue, theirs.defaultValue) }
        attribute("deprecated", mine.deprecated ? "true" : nil, theirs.deprecated ? "true" : nil)
        attribute("max_items", mine.maxItems.map(String.init), theirs.maxItems.map(String.init))
        if let enumDrift = difference(subject: "parameter \(mine.name)", spec: mine.valueEnum, document: theirs.valueEnum) {
            drift.enums.append(enumDrift)
        }
    }

    private static func typeName(_ parameter: ParameterSpec) -> String {
        guard let items = parameter.items else { return parameter.type.rawValue }
        return "list of \(items.type.rawValue)"
    }

    private static func difference(subject: String, spec: [String], document: [String]) -> SpecDrift.EnumDrift? {
        let specSet = Set(spec)
        let documentSet = Set(document)
        let documentOnly = document.filter { !specSet.contains($0) }
        let specOnly = spec.filter { !documentSet.contains($0) }
        guard !documentOnly.isEmpty || !specOnly.isEmpty else { return nil }
        return .init(subject: subject, documentOnly: documentOnly, specOnly: specOnly)
    }
}
