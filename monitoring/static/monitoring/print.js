// The reading script's "In" (print) link: a file, not an inline handler, so the site's CSP holds.
document.querySelectorAll("[data-print]").forEach((link) => {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    window.print();
  });
});
