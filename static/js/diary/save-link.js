// "Save to my diary" on the home page: open the diary with the drawing the
// map keeps in the URL fragment, so the diary can save it as today's entry.

const link = document.getElementById("save-to-diary");
if (link) {
  link.addEventListener("click", () => {
    const base = link.getAttribute("href").split("#")[0];
    link.setAttribute("href", location.hash.length > 1 ? base + location.hash : `${base}#entry`);
  });
}
