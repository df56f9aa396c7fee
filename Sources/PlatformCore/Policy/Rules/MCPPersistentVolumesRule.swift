import PlatformDiagnostics

/// `mcp-persistent-volumes`: "Persistent volume creation" (kubernetes.io RBAC good practices):
/// a PersistentVolume can be a `hostPath`, which hands the node's file system to a pod; deleting
/// or rebinding one destroys or exposes another tenant's data.
package struct MCPPersistentVolumesRule: MCPGrantRule {
    package let id = "mcp-persistent-volumes"
    package init() {}

    package func risk(group: String, resource: String, verb: String) -> String? {
        guard group == "", resource == "persistentvolumes", RBACVerbs.write.contains(verb) else { return nil }
        return "a `hostPath` volume gives pods the node's file system"
    }
}
