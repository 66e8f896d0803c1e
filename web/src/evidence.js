// Evidence spans are byte offsets into the article's UTF-8 clean text;
// JavaScript strings index UTF-16 code units. These functions convert and
// split the text into segments so every span can be highlighted, overlaps
// included, without ever parsing the text as HTML.

// byteIndex returns a function mapping a UTF-8 byte offset in text to the
// UTF-16 index of the same position. Offsets inside a character snap to its
// start; offsets past the end map to text.length.
export function byteIndex(text) {
  const bytes = [0]; // bytes[i] = UTF-8 offset of the i-th code point
  const units = [0]; // units[i] = UTF-16 index of the i-th code point
  let b = 0;
  let u = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    u += ch.length;
    bytes.push(b);
    units.push(u);
  }
  return (off) => {
    if (!(off > 0)) return 0;
    if (off >= b) return text.length;
    let lo = 0;
    let hi = bytes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bytes[mid] <= off) lo = mid;
      else hi = mid - 1;
    }
    return units[lo];
  };
}

// segments splits text at every span boundary. Each segment carries the
// indices of the spans covering it and of the spans starting at it, so a
// renderer can label each span once, where it begins. Spans are
// {start, end} in UTF-8 bytes; empty or out-of-range spans are ignored.
export function segments(text, spans) {
  const toIndex = byteIndex(text);
  const ranges = [];
  spans.forEach((s, i) => {
    const a = toIndex(s.start);
    const z = toIndex(s.end);
    if (Number.isInteger(s.start) && Number.isInteger(s.end) && z > a) ranges.push({ a, z, i });
  });
  const cuts = new Set([0, text.length]);
  for (const r of ranges) {
    cuts.add(r.a);
    cuts.add(r.z);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const from = points[k];
    const to = points[k + 1];
    if (to <= from) continue;
    const covering = ranges.filter((r) => r.a <= from && to <= r.z).map((r) => r.i);
    const starting = ranges.filter((r) => r.a === from).map((r) => r.i);
    out.push({ text: text.slice(from, to), spans: covering, starts: starting });
  }
  return out;
}
