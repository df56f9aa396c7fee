"""Runs the real LiteLLM proxy on 127.0.0.1 with a config platformc generated, against stub
OpenAI-compatible backends, and drives it with the real `openai` client. Prints one JSON object
of observations; LiteLLMProxyTests asserts on them.

usage: litellm_harness.py CONFIG.yaml TEAMS.yaml PROVISION.py WORKDIR [--database]

Every upstream the config names inside the cluster (`*.svc.cluster.local`) and every external
provider is replaced by a stub on its own loopback port that answers with its name and the
`x-platformc-pool` header it received and the `model` LiteLLM sent it (`name|header|model`); a request whose last message contains FAIL gets a 500 from
the self-hosted stubs (never from the external ones), so fallbacks can be watched. With
--database a PostgreSQL (Debian `postgresql`) is initialised in WORKDIR, started on a loopback
port as LiteLLM's database, and stopped at the end; the teams file is written through the
generated provisioning script, as the Job does in a cluster."""
import http.server, json, os, shutil, signal, socket, subprocess, sys, threading, time, urllib.request
import yaml

config_path, teams_path, provision_path, work = sys.argv[1:5]
use_database = "--database" in sys.argv
MASTER = "sk-platformc-test-master"
PG_BIN = "/usr/lib/postgresql/15/bin"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Stub(http.server.BaseHTTPRequestHandler):
    name = "?"

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.reply(200, {"object": "list", "data": []})

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("content-length", 0))) or b"{}")
        text = json.dumps(body.get("messages", [])[-1:]) if body.get("messages") else ""
        if "FAIL" in text and not self.name.startswith("external:"):
            return self.reply(500, {"error": {"message": "stub failure", "type": "server_error"}})
        content = "%s|%s|%s" % (self.name, self.headers.get("x-platformc-pool", ""), body.get("model", ""))
        self.reply(200, {"id": "chatcmpl-stub", "object": "chat.completion", "created": 0, "model": body.get("model", ""),
                         "choices": [{"index": 0, "finish_reason": "stop",
                                      "message": {"role": "assistant", "content": content}}],
                         "usage": {"prompt_tokens": 1000, "completion_tokens": 1000, "total_tokens": 2000}})

    def reply(self, status, obj):
        data = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def start_stub(name):
    handler = type("Stub_" + str(abs(hash(name))), (Stub,), {"name": name})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def wait_http(url, timeout, proc=None):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc is not None and proc.poll() is not None:
            return False
        try:
            urllib.request.urlopen(url, timeout=2)
            return True
        except Exception:
            time.sleep(0.3)
    return False


result = {"litellm_version": None, "errors": []}
servers, processes = [], []
pg_data = os.path.join(work, "pg")
pg_started = False
try:
    from importlib.metadata import version
    result["litellm_version"] = version("litellm")
    config = yaml.safe_load(open(config_path))
    upstreams = {}
    for entry in config["model_list"]:
        params = entry["litellm_params"]
        base = params.get("api_base")
        name = ("internal:" + base) if base and ".svc.cluster.local" in base else "external:" + entry["model_name"]
        if name not in upstreams:
            upstreams[name] = start_stub(name)
            servers.append(upstreams[name])
        params["api_base"] = "http://127.0.0.1:%d/v1" % upstreams[name].server_address[1]
    result["stubs"] = sorted(upstreams)
    env = dict(os.environ, LITELLM_MASTER_KEY=MASTER, LITELLM_LOCAL_MODEL_COST_MAP="True",
               OPENAI_API_KEY="sk-stub", ANTHROPIC_API_KEY="sk-stub", LANGFUSE_PUBLIC_KEY="pk", LANGFUSE_SECRET_KEY="sk",
               LANGFUSE_HOST="http://127.0.0.1:9")
    # Tracing is not under test: no Langfuse here.
    config.get("litellm_settings", {}).pop("success_callback", None)
    if use_database:
        pg_port = free_port()
        run_as = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            os.makedirs(pg_data, exist_ok=True)
            shutil.chown(work, "postgres"); shutil.chown(pg_data, "postgres")
            run_as = ["runuser", "-u", "postgres", "--"]
        subprocess.run(run_as + [PG_BIN + "/initdb", "-D", pg_data, "-U", "postgres", "--auth=trust", "-E", "UTF8"],
                       check=True, capture_output=True)
        subprocess.run(run_as + [PG_BIN + "/pg_ctl", "-D", pg_data, "-w", "-l", os.path.join(pg_data, "log"),
                                 "-o", "-p %d -c listen_addresses=127.0.0.1 -k %s" % (pg_port, pg_data), "start"],
                       check=True, capture_output=True)
        pg_started = True
        env["DATABASE_URL"] = "postgresql://postgres@127.0.0.1:%d/postgres" % pg_port
    else:
        config.get("general_settings", {}).pop("database_url", None)
    run_config = os.path.join(work, "config.yaml")
    yaml.safe_dump(config, open(run_config, "w"))
    port = free_port()
    log = open(os.path.join(work, "litellm.log"), "w")
    # One worker in this process (uvicorn runs in-process for one worker), its `random` seeded: the
    # simple-shuffle strategy draws deployments with `random.choices` (litellm
    # router_strategy/simple_shuffle.py), so the splits below are the same on every run.
    launcher = ("import random, sys; random.seed(15); from litellm.proxy.proxy_cli import run_server; "
                "sys.argv = ['litellm'] + sys.argv[1:]; run_server()")
    proxy = subprocess.Popen([sys.executable, "-c", launcher, "--config", run_config, "--host", "127.0.0.1",
                              "--port", str(port), "--num_workers", "1"], env=env, stdout=log, stderr=subprocess.STDOUT,
                             start_new_session=True)
    processes.append(proxy)
    base = "http://127.0.0.1:%d" % port
    if not wait_http(base + "/health/liveliness", 300, proxy):
        raise RuntimeError("the proxy did not start: " + open(os.path.join(work, "litellm.log")).read()[-3000:])

    import openai
    client = openai.OpenAI(base_url=base + "/v1", api_key=MASTER, max_retries=0, timeout=60)

    def ask(model, text="hello", c=client):
        r = c.chat.completions.create(model=model, messages=[{"role": "user", "content": text}])
        return r.choices[0].message.content

    models = [e["model_name"] for e in config["model_list"]]
    result["routing"] = {m: ask(m) for m in sorted(set(models))}
    # Every name listed with several deployments is a weighted split: 300 requests each.
    splits = {}
    for name in sorted(set(m for m in models if models.count(m) > 1)):
        counts = {}
        for _ in range(300):
            reply = ask(name)
            counts[reply] = counts.get(reply, 0) + 1
        splits[name] = counts
    result["splits"] = splits
    result["fallback"] = ask("llama-3-70b", "FAIL please")
    try:
        ask("no-such-model")
        result["unknown_model"] = "answered"
    except openai.APIStatusError as e:
        result["unknown_model"] = e.status_code
    try:
        ask("llama-3-70b", c=openai.OpenAI(base_url=base + "/v1", api_key="sk-not-a-key", max_retries=0))
        result["bad_key"] = "answered"
    except openai.APIStatusError as e:
        result["bad_key"] = e.status_code

    if use_database:
        provision = subprocess.run([sys.executable, provision_path, teams_path], capture_output=True, text=True,
                                   env=dict(os.environ, LITELLM_URL=base, LITELLM_MASTER_KEY=MASTER), timeout=300)
        result["provision"] = provision.stdout.split("\n")
        result["provision_status"] = provision.returncode
        if provision.returncode != 0:
            result["errors"].append(provision.stderr[-2000:])

        def admin(path, body=None):
            req = urllib.request.Request(base + path, data=None if body is None else json.dumps(body).encode(),
                                         method="GET" if body is None else "POST",
                                         headers={"Authorization": "Bearer " + MASTER, "Content-Type": "application/json"})
            return json.loads(urllib.request.urlopen(req, timeout=60).read())

        teams = yaml.safe_load(open(teams_path))["teams"]
        result["team_budgets"] = {t["team_id"]: admin("/team/info?team_id=" + t["team_id"])["team_info"]["max_budget"] for t in teams}
        team = teams[0]["team_id"]
        key = admin("/key/generate", {"team_id": team})["key"]
        team_client = openai.OpenAI(base_url=base + "/v1", api_key=key, max_retries=0, timeout=60)
        result["team_first"] = ask("openai/gpt-4o", c=team_client)
        time.sleep(1)
        # The team has spent the first request's price: lower its budget below that and ask again.
        admin("/team/update", {"team_id": team, "max_budget": 0.0000001})
        deadline, refused = time.time() + 90, None
        while time.time() < deadline and refused is None:
            try:
                ask("openai/gpt-4o", c=team_client)
                time.sleep(2)
            except openai.APIStatusError as e:
                refused = {"status": e.status_code, "message": str(e)[:300]}
        result["team_over_budget"] = refused
except Exception as e:  # reported, never hidden: the Swift test fails on any error
    result["errors"].append("%s: %s" % (type(e).__name__, e))
finally:
    for p in processes:
        try:
            os.killpg(p.pid, signal.SIGTERM)
            p.wait(timeout=20)
        except Exception:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except Exception:
                pass
    for s in servers:
        s.shutdown()
    if pg_started:
        run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run(run_as + [PG_BIN + "/pg_ctl", "-D", pg_data, "-m", "fast", "stop"], capture_output=True)
print(json.dumps(result, sort_keys=True))
