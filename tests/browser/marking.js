// The share of each essay paragraph's characters that the reader sees marked: the words of
// an annotation link (underlined), of a tinted noted passage, and the drawn note numbers.
// Returns {paragraph id: share}. Shared by the browser tests and the screenshot script.
() => {
  const shares = {};
  const transparent = (c) => c === "transparent" || c === "rgba(0, 0, 0, 0)";
  const drawn = (e) => {
    const c = getComputedStyle(e, "::before").content;
    return c && c !== "none" && c !== "normal" ? c.replace(/^"|"$/g, "").length : 0;
  };
  for (const p of document.querySelectorAll("article .essay")) {
    let marked = 0;
    let total = p.textContent.length;
    const counted = new Set();
    for (const e of p.querySelectorAll("a.ed-annotation[href], .ed-noted")) {
      const style = getComputedStyle(e);
      const line = style.textDecorationLine !== "none";
      const tint = !transparent(style.backgroundColor);
      if (e.matches("a") ? !line && !tint : !tint) continue;
      if ([...counted].some((c) => c.contains(e))) continue;
      counted.add(e);
      marked += e.textContent.length;
    }
    for (const n of p.querySelectorAll("a.ed-note-ref")) {
      if (getComputedStyle(n).display === "none") continue;
      const k = drawn(n);
      marked += k;
      total += k;
    }
    shares[p.id] = Math.round((marked / total) * 1000) / 1000;
  }
  return shares;
}
