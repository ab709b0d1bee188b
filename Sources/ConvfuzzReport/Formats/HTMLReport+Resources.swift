import Foundation

extension HTMLReport {
    // MARK: Page resources

    /// Nothing may be fetched, and only our own script (by its SHA-256) may run: should any run
    /// text ever escape escaping, an injected script or event handler is still refused.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; script-src '\(scriptHash)'; img-src data:; base-uri 'none'; form-action 'none'"

    /// The CSP source expression of ``script``: `sha256-` and the base64 of its digest.
    static let scriptHash = "sha256-" + Data(SHA256.digest(Array(script.utf8))).base64EncodedString()

    /// The copy buttons: the clipboard API where the page may use it, a selection copy otherwise,
    /// and a note on the button either way. Marks `<html data-report-ready>` once wired.
    static let script = """

    (function () {
      "use strict";
      function copyText(text, done) {
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(fallback(text)); });
        } else {
          done(fallback(text));
        }
      }
      function fallback(text) {
        var area = document.createElement("textarea");
        area.value = text;
        area.setAttribute("readonly", "");
        area.style.position = "fixed";
        area.style.top = "-1000px";
        document.body.appendChild(area);
        area.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        document.body.removeChild(area);
        return ok;
      }
      var buttons = document.querySelectorAll("button[data-copy]");
      Array.prototype.forEach.call(buttons, function (button) {
        button.addEventListener("click", function () {
          var source = document.getElementById(button.getAttribute("data-copy"));
          if (!source) { return; }
          copyText(source.textContent, function (ok) {
            button.textContent = ok ? "Copied" : "Select and copy";
            window.setTimeout(function () { button.textContent = "Copy"; }, 1500);
          });
        });
      });
      document.documentElement.setAttribute("data-report-ready", String(buttons.length));
    })();

    """

    static let stylesheet = """

    :root { color-scheme: light; --fg: #1d2330; --muted: #5b6473; --line: #dde1e7; --pass: #17803d; --fail: #b42318; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--fg); background: #f6f7f9; }
    main { max-width: 1120px; margin: 0 auto; padding: 20px; }
    h1 { margin: 0 0 4px; font-size: 22px; }
    h2 { font-size: 18px; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
    code, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
    pre { white-space: pre-wrap; word-break: break-all; background: #0f1726; color: #e6edf7; padding: 10px 12px; border-radius: 6px; margin: 6px 0; max-height: 320px; overflow: auto; }
    pre.excerpt { background: #fff7e6; color: #3a2a00; border: 1px solid #f1d9a6; }
    .verdict { padding: 16px 20px; border-radius: 8px; color: #fff; }
    .verdict.pass { background: var(--pass); }
    .verdict.fail { background: var(--fail); }
    .verdict p { margin: 2px 0; }
    .verdict code { color: #fff; }
    .grid3 { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(300px, 100%), 1fr)); gap: 12px; }
    .grid3 > * { min-width: 0; }
    table { border-collapse: collapse; background: #fff; }
    table.kv { width: 100%; border: 1px solid var(--line); border-radius: 6px; }
    table.kv caption { text-align: left; font-weight: 600; padding: 4px 0; }
    table.kv th { text-align: left; color: var(--muted); font-weight: 500; padding: 3px 8px; white-space: nowrap; vertical-align: top; }
    table.kv td { padding: 3px 8px; word-break: break-word; }
    table.data { border: 1px solid var(--line); }
    table.data th, table.data td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: right; }
    table.data th:first-child, table.data td:first-child { text-align: left; }
    .finding { background: #fff; border: 1px solid var(--line); border-left: 5px solid var(--fail); border-radius: 6px; padding: 12px 14px; margin: 12px 0; }
    .finding.status-baseline { border-left-color: #888; }
    .finding.status-flaky { border-left-color: #E69F00; }
    .finding h3 { margin: 0 0 6px; font-size: 15px; }
    .badge { display: inline-block; font-size: 11px; text-transform: uppercase; padding: 1px 6px; border-radius: 9px; background: #eef0f4; color: var(--muted); margin-right: 4px; }
    .status-new .badge.status { background: #fde8e7; color: var(--fail); }
    .check { font-weight: 700; }
    .finding code, .finding-index td.message { word-break: break-all; }
    .finding-index code { white-space: nowrap; }
    table.finding-index { width: 100%; }
    table.finding-index th, table.finding-index td { text-align: left; }
    .evidence p { margin: 6px 0 2px; }
    a { color: #0b5cad; }
    table.kv.retries { width: auto; min-width: 320px; }
    .repro-head { display: flex; align-items: center; justify-content: space-between; margin-top: 8px; color: var(--muted); }
    button { font: inherit; font-size: 12px; padding: 2px 10px; border: 1px solid #b8c0cc; border-radius: 4px; background: #fff; cursor: pointer; }
    button:hover { background: #eef3fb; }
    details summary { cursor: pointer; color: var(--muted); margin-top: 6px; }
    .muted { color: var(--muted); }
    .chart { display: block; max-width: 100%; height: auto; background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: 6px 0 14px; }
    .chart text { font-family: system-ui, "DejaVu Sans", sans-serif; }
    .chart-wrap { overflow-x: auto; }
    footer { margin: 30px 0 10px; color: var(--muted); font-size: 12px; }
    table.data.phases, table.data.statuses, table.data.corpus { display: block; max-width: 100%; overflow-x: auto; }
    /* Phone width: the page never scrolls sideways. The findings table stacks (one block per finding),
       key-value tables wrap, and charts keep their drawn size (readable) inside a frame that scrolls. */
    @media (max-width: 640px) {
      main { padding: 12px; overflow-wrap: anywhere; }
      .verdict { padding: 12px; }
      table.finding-index, table.finding-index tbody, table.finding-index tr, table.finding-index td { display: block; width: 100%; }
      table.finding-index tr:first-child { display: none; }
      table.finding-index tr { border-bottom: 1px solid var(--line); padding: 6px 0; }
      table.finding-index td { border: 0; padding: 1px 10px; text-align: left; }
      .finding-index code { white-space: normal; word-break: break-all; }
      table.kv th { white-space: normal; }
      table.kv.retries { min-width: 0; width: 100%; }
      .repro-head { flex-wrap: wrap; gap: 4px; }
      .chart-wrap { max-width: 100%; }
      .chart-wrap > .chart { max-width: none; min-width: 320px; }
    }

    """
}
