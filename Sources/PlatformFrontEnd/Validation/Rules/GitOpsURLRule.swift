import PlatformDiagnostics

/// Argo CD clones the repository its ApplicationSet names (`repoURL`, argo-cd
/// `pkg/apis/application/v1alpha1` ApplicationSourceType: "URL to the repository"), from inside
/// the cluster: a path such as `./gitops` only platformc can reach. With `engine: argocd` written
/// in the spec, a local `repository` needs `gitops.url` (E1302), and `url` must be a URL (E1303).
/// Flux reads the GitRepository `flux bootstrap` created, so it needs neither.
package struct GitOpsURLRule: PlatformRule {
    package static let missingURL: DiagnosticCode = "E1302"
    package static let notAURL: DiagnosticCode = "E1303"
    package let id = "gitops-url"

    package init() {}

    /// `scheme://…` or scp-like `user@host:path`, as git accepts them.
    static func isURL(_ value: String) -> Bool {
        if let scheme = value.range(of: "://") { return !value[..<scheme.lowerBound].isEmpty }
        guard let at = value.firstIndex(of: "@"), let colon = value.firstIndex(of: ":"), at < colon else { return false }
        return !value[value.index(after: colon)...].isEmpty && !value[..<colon].contains("/")
    }

    package func check(_ p: Platform, into diagnostics: inout DiagnosticBag) {
        let gitops = p.gitops
        if let url = gitops.url, !Self.isURL(url) {
            diagnostics
                .error(Self.notAURL, "`gitops.url` is not a URL the GitOps engine can clone", at: gitops.urlLocation ?? gitops.location,
                              help: "write the repository's clone URL, e.g. `https://github.com/acme/platform-gitops.git`")
            return
        }
        guard gitops.engine == .argocd, let engine = gitops.engineLocation, gitops.url == nil, !Self.isURL(gitops.repository) else {
            return
        }
        diagnostics.error(Self.missingURL, "`gitops.repository` is a local path, which Argo CD cannot clone",
                          at: gitops.repositoryLocation ?? gitops.location,
                          notes: [DiagnosticNote("the ApplicationSet's `repoURL` would be `\(gitops.repository)`", at: engine)],
                          help: "add `gitops.url:` with the URL Argo CD clones the same repository from")
    }
}
