/// The teams' virtual keys (`teams[].keySecret`), which the provisioning Job registers in LiteLLM's
/// database so the team's clients can send them (docs/traffic.md, "Keys and TLS"). The key value lives
/// only in the team's Secret and reaches the Job as an environment variable; the ConfigMap names the
/// variable, the Secret and the alias, never the key. LiteLLM takes a caller-supplied `key` in
/// `/key/generate` when it starts with `sk-` and has at least `MINIMUM_CUSTOM_KEY_LENGTH` (16)
/// characters, and requires `key_alias` to be unique across keys (litellm 1.108.7
/// `proxy/management_endpoints/key_management_endpoints.py` `_common_key_generation_helper`,
/// `_enforce_unique_key_alias`; `types/proxy/management_endpoints/key_requests.py` `GenerateKeyRequest`,
/// `UpdateKeyRequest`, re-exported by `proxy/_types.py`).
package enum LiteLLMKeys {
    /// The Secret's data key holding the virtual key.
    package static let secretKey = "key"

    /// One alias per team: a rotated Secret replaces the key under it (the Job deletes the old one).
    package static func alias(team: String) -> String { "platformc-\(team)" }

    /// The Job's variable holding `team`'s key (team names are DNS labels: unique once upper-cased).
    package static func variable(team: String) -> String {
        "LITELLM_KEY_" + team.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    /// The teams with a key, by name.
    static func teams(_ platform: Platform) -> [(team: String, secret: String)] {
        platform.teams.compactMap { t in t.keySecret.map { (t.name, $0) } }.sorted { $0.team < $1.team }
    }

    /// `[{team_id, key_alias, key_env, key_secret}]` for the Job's file; `key_secret` is there so the
    /// Job's name (a digest of the file) changes with its environment.
    static func entries(_ platform: Platform) -> ManifestValue {
        .list(teams(platform).map { t in
            ["team_id": .string(t.team), "key_alias": .string(alias(team: t.team)),
             "key_env": .string(variable(team: t.team)), "key_secret": .string(t.secret)]
        })
    }

    /// The Job's environment: each team's key from its Secret.
    static func env(_ platform: Platform) -> [ManifestValue] {
        teams(platform).map { t in LiteLLMEmitter.secretEnv(variable(team: t.team), secret: t.secret, key: secretKey) }
    }
}
