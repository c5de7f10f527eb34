/**
 * A virtualized list as X, Instagram, TikTok and Threads render theirs: a fixed pool of row
 * elements that are reused for other items as the list scrolls. A row keeps its node and gets
 * new content in place (new author link, new text), so anything keyed by node goes stale: the
 * extension must key by what the row shows.
 */
export function virtualList({ container, items, poolSize, renderRow, createRow }) {
  const rows = [];
  let first = 0;
  function draw() {
    for (let i = 0; i < rows.length; i++) {
      const item = items[first + i];
      const row = rows[i];
      if (item) {
        row.hidden = false;
        renderRow(row, item, first + i);
      } else {
        row.hidden = true;
      }
    }
  }
  for (let i = 0; i < Math.min(poolSize, items.length); i++) {
    const row = createRow();
    rows.push(row);
    container.append(row);
  }
  draw();
  return {
    rows: () => rows,
    first: () => first,
    /** Show items from `index` on, reusing every row node. */
    scrollTo(index) {
      first = Math.max(0, Math.min(index, Math.max(0, items.length - rows.length)));
      draw();
      return first;
    },
    /** Move by `n` items (a scroll step), reusing rows. */
    scrollBy(n) {
      return this.scrollTo(first + n);
    },
    redraw: draw,
  };
}
