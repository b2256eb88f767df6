namespace Briefings.Serving;

/// <summary>The script <c>serve</c> adds to every HTML page it sends (never to built files): it reloads the page
/// when the site was rebuilt, and shows the archive's errors over the page until they are fixed. It is a
/// file, not inline, because the pages' Content-Security-Policy allows only scripts from the site itself.</summary>
public static class ReloadScript
{
    public const string Path = "/__briefings/reload.js";
    public const string EventsPath = "/__briefings/events";
    public const string ErrorsPath = "/__briefings/errors";
    public const string Tag = $"<script src=\"{Path}\" defer></script>";

    /// <summary>Adds the script tag before the last <c>&lt;/body&gt;</c>, or at the end if there is none.</summary>
    public static string Inject(string html)
    {
        int at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html + Tag : html.Insert(at, Tag + "\n");
    }

    // Errors are set as textContent, never as HTML: they quote contributors' text. Styles are set through the
    // DOM, which the policy allows, not as a style attribute, which it does not.
    public const string Source = """
        (() => {
          "use strict";
          const id = "__briefings-errors";
          function show(errors) {
            let box = document.getElementById(id);
            if (errors.length === 0) { if (box) box.remove(); return; }
            if (!box) {
              box = document.createElement("div");
              box.id = id;
              box.setAttribute("role", "alert");
              Object.assign(box.style, {
                position: "fixed", inset: "auto 0 0 0", maxHeight: "60vh", overflow: "auto", zIndex: "2147483647",
                margin: "0", padding: "1em 1.5em", background: "#fff4f4", color: "#5a0000",
                borderTop: "4px solid #b00020", boxShadow: "0 -2px 12px rgba(0,0,0,.25)",
                font: "14px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace"
              });
              document.body.appendChild(box);
            }
            const title = document.createElement("strong");
            title.textContent = (errors.length === 1 ? "1 error" : errors.length + " errors") +
              ": the site shows the last version without errors until this is fixed.";
            const list = document.createElement("pre");
            list.style.whiteSpace = "pre-wrap";
            list.style.margin = ".5em 0 0";
            list.textContent = errors.join("\n");
            box.replaceChildren(title, list);
          }
          async function errors() {
            const response = await fetch("/__briefings/errors", { cache: "no-store" });
            return (await response.json()).errors;
          }
          async function update(reload) {
            const found = await errors();
            if (found.length === 0 && reload) location.reload();
            else show(found);
          }
          const events = new EventSource("/__briefings/events");
          events.addEventListener("reload", () => update(true));
          events.addEventListener("errors", () => update(false));
          update(false);
        })();
        """;
}
