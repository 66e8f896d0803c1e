// Colours by ACLED event type (colour-blind-safe palette, Okabe–Ito) and a
// palette for evidence fields.

export const EVENT_TYPES = [
  ["Battles", "#d55e00"],
  ["Explosions/Remote violence", "#cc79a7"],
  ["Violence against civilians", "#a50f15"],
  ["Protests", "#0072b2"],
  ["Riots", "#e69f00"],
  ["Strategic developments", "#009e73"],
];

const byType = new Map(EVENT_TYPES);

export function eventColor(type) {
  return byType.get(type) || "#555555";
}

const FIELD_PALETTE = ["#fde68a", "#bfdbfe", "#fecaca", "#bbf7d0", "#e9d5ff", "#fed7aa", "#a5f3fc", "#f5d0fe", "#d9f99d", "#e5e7eb"];

// fieldClass gives each evidence field a stable colour class.
export function fieldClass(field, fields) {
  const i = fields.indexOf(field);
  return "ev-c" + ((i < 0 ? 0 : i) % FIELD_PALETTE.length);
}

export const FIELD_COLORS = FIELD_PALETTE;
