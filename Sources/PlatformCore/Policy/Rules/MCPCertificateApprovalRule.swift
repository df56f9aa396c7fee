import PlatformDiagnostics

/// `mcp-certificate-approval`: "CSRs and certificate issuing" (kubernetes.io RBAC good
/// practices): whoever approves (or signs) CertificateSigningRequests mints client certificates
/// under any name, system components' included.
package struct MCPCertificateApprovalRule: MCPGrantRule {
    package let id = "mcp-certificate-approval"
    package init() {}

    package func risk(group: String, resource: String, verb: String) -> String? {
        guard group == "certificates.k8s.io",
        ["certificatesigningrequests/approval", "certificatesigningrequests/status"].contains(resource),
              RBACVerbs.write.contains(verb) else { return nil }
        return "it issues client certificates under any name, system components' included"
    }
}
