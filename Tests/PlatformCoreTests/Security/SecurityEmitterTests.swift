import Foundation
import PlatformCore
import PlatformDiagnostics
import Testing

/// Pod Security Standards labels and the MCP servers' RBAC for the bundled platform.
@Suite struct SecurityEmitterTests {
    @Test func namespacesEnforceRestrictedExceptWhereTrainingRuns() throws {
        let out = try NetworkReachabilityTests.compileBundled()
        let use1 = (out.manifests?.manifests(in: "prod-use1") ?? []).filter { $0.kind == "Namespace" }
        #expect(use1.map { "\($0.name)=\($0.labels[PodSecurityLevels.enforce]?.stringValue ?? "-")" } ==
                ["platform=restricted", "platform-system=baseline", "research=baseline", "search=restricted", "support=restricted"])
        let research = try #require(use1.first { $0.name == "research" })
        #expect(research.annotations[Conventions.securityExceptionAnnotation] ==
                "baseline: training job `llama-sft` runs NCCL ranks from a training image that runs as root")
        #expect(research.labels[PodSecurityLevels.warn] == "restricted")
        #expect(research.labels[PodSecurityLevels.enforceVersion] == "v1.34")
        let usw2 = (out.manifests?.manifests(in: "prod-usw2") ?? []).filter { $0.kind == "Namespace" }
        #expect(usw2
            .allSatisfy { $0.labels[PodSecurityLevels.enforce] == "restricted"
                && $0.annotations[Conventions.securityExceptionAnnotation] == nil })
    }

    /// Issue #16 finding 2: the server runs at `k8s-mcp.tools` as `tools/k8s-mcp`; an account in the
    /// agent's namespace is one it can never run as. Roles stay in the agent's namespace, the
    /// subject is the server's own account, and no ServiceAccount is emitted (the server's owns it).
    @Test func mcpPermissionsAreBoundToTheAccountTheServerRunsAs() throws {
        let out = try NetworkReachabilityTests.compileBundled()
        func isMCP(_ m: Manifest) -> Bool {
            (isRBAC(m) || m.kind == "ServiceAccount") && (m.name.hasPrefix("mcp-") || m.name.hasPrefix("platformc-mcp-"))
        }
        func isRBAC(_ m: Manifest) -> Bool { m.group == "rbac.authorization.k8s.io" }
        let rbac = (out.manifests?.manifests(in: "prod-use1") ?? []).filter(isMCP)
        #expect(rbac.map(\.id.description) == [
            "ClusterRole.rbac.authorization.k8s.io platformc-mcp-k8s-tools",
            "ClusterRoleBinding.rbac.authorization.k8s.io platformc-mcp-k8s-tools",
            "Role.rbac.authorization.k8s.io platform/mcp-k8s-tools",
            "RoleBinding.rbac.authorization.k8s.io platform/mcp-k8s-tools",
        ])
        let role = try #require(rbac.first { $0.kind == "Role" })
        #expect(role.object["rules"] == [["apiGroups": [""], "resources": ["events", "pods", "pods/log"], "verbs": ["get", "list"]]])
        let clusterRole = try #require(rbac.first { $0.kind == "ClusterRole" })
        #expect(clusterRole.object["rules"] == [["apiGroups": [""], "resources": ["nodes"], "verbs": ["get"]]])
        let server: ManifestValue = [["kind": "ServiceAccount", "name": "k8s-mcp", "namespace": "tools"]]
        #expect(rbac.filter { $0.kind.hasSuffix("Binding") }.map { $0.object["subjects"] } == [server, server])
        // docs-search declares no permissions: no role.
        let usw2 = (out.manifests?.manifests(in: "prod-usw2") ?? []).filter(isMCP)
        #expect(usw2.count == 0)
    }

    @Test func wildcardPermissionIsRefused() {
        let spec = Fixture.spec([("url: http://k8s-mcp.tools:8080/mcp",
                                  """
                                      url: http://k8s-mcp.tools:8080/mcp\n\
                                          permissions: [{ apiGroups: [\"*\"], resources: [\"*\"], verbs: [get] }]
                                      """
                                  + "\n    serviceAccount: { namespace: tools, name: k8s-mcp }")])
        let out = Compiler().compile(spec: Array(spec.utf8), file: "platform.yaml")
        #expect(out.diagnostics.sorted.filter { $0.code == SecurityCodes.wildcardPermission }.map(\.message) == [
            "MCP server `k8s-tools` asks for a wildcard permission; platformc grants only named resources and verbs"])
        #expect(out.tree == nil)
    }
}
