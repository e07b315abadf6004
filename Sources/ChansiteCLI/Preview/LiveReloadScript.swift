import ChansiteRender

/// The snippet the preview server adds to HTML responses: reload on `reload` events, show the
/// overlay on `error` events.
enum LiveReloadScript {
    /// The stream is closed when the page is hidden or unloaded (`pagehide`), so pages in the
    /// back/forward cache hold no connection, and opened again if the page comes back. It names
    /// the page it serves, which a rebuild renders first and reloads as soon as it is made.
    static let path = "/__chansite/live.js"

    /// The tag pages get: the script is served from `path`, so the pages' Content-Security-Policy
    /// allows scripts from the site only (no inline script, nothing from a post could run).
    static let tag = "<script src=\"\(path)\"></script>\n"

    static let script = """
        (function(){var s=null;function open(){if(s)return;s=new EventSource("/__chansite/events?page="+encodeURIComponent(location.pathname));
        s.addEventListener("reload",function(){location.reload();});
        s.addEventListener("error",function(e){if(!e.data)return;var o=document.getElementById("chansite-error");
        if(!o){o=document.createElement("pre");o.id="chansite-error";o.style.cssText=\(overlayStyle);document.body.appendChild(o);}
        o.textContent=e.data;});}
        addEventListener("pagehide",function(){if(s){s.close();s=null;}});
        addEventListener("pageshow",open);open();})();

        """

    static let overlayStyle =
        "\"position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;margin:0;padding:1rem;z-index:2147483647;background:#2b0b0b;color:#ffd7d7;font:14px/1.4 monospace;white-space:pre-wrap;border-top:4px solid #e5484d\""

    /// The overlay shown while the latest rebuild failed (HTML-escaped message).
    static func overlay(_ message: String) -> String {
        let style = String(overlayStyle.dropFirst().dropLast())
        return
            "<pre id=\"chansite-error\" style=\"\(style)\">chansite: the last rebuild failed; showing the previous site.\n\n\(XML.escape(message))</pre>\n"
    }
}
