// Render the arithmatex spans the normalizer emits (\(...\) inline, \[...\] display)
// with the KaTeX copy served by this site. KaTeX (JS + CSS) is fetched only by pages
// that have math. Only .arithmatex elements are touched, so a stray "$" in ordinary
// text is never mistaken for math.
(() => {
  const root = document.currentScript ? new URL("../katex/", document.currentScript.src) : null;
  let loading = null;

  function loadKatex() {
    if (typeof katex !== "undefined") return Promise.resolve();
    if (loading) return loading;
    const css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = new URL("katex.min.css", root);
    document.head.appendChild(css);
    loading = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL("katex.min.js", root);
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
    return loading;
  }

  function renderMath(body) {
    const pending = body.querySelectorAll(".arithmatex:not([data-rendered])");
    if (!pending.length) return;
    loadKatex().then(() => {
      for (const el of pending) {
        const tex = el.textContent.trim();
        const display = tex.startsWith("\\[");
        const source = tex.replace(/^\\[([]/, "").replace(/\\[)\]]$/, "");
        katex.render(source, el, { displayMode: display, throwOnError: false, strict: "ignore" });
        el.dataset.rendered = "1";
      }
      document.documentElement.dataset.mathReady = "1";
    }, () => { document.documentElement.dataset.mathFailed = "1"; });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(({ body }) => renderMath(body));
  } else {
    renderMath(document.body);
  }
})();
