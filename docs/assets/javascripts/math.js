// Render the arithmatex spans the normalizer emits (\(...\) inline, \[...\] display)
// with the KaTeX copy served by this site. Only .arithmatex elements are touched, so
// a stray "$" in ordinary text is never mistaken for math.
function renderMath(root) {
  if (typeof katex === "undefined") return;
  for (const el of root.querySelectorAll(".arithmatex:not([data-rendered])")) {
    const tex = el.textContent.trim();
    const display = tex.startsWith("\\[");
    const body = tex.replace(/^\\[([]/, "").replace(/\\[)\]]$/, "");
    katex.render(body, el, { displayMode: display, throwOnError: false, strict: "ignore" });
    el.dataset.rendered = "1";
  }
}
if (typeof document$ !== "undefined") {
  document$.subscribe(({ body }) => renderMath(body));
} else {
  document.addEventListener("DOMContentLoaded", () => renderMath(document.body));
}
