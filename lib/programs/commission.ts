import type { CommissionType } from "@/lib/generated/prisma/enums";

// Commission is stored as an integer so money and rates never pass through floating point in the database:
// basis points for PERCENT (1250 = 12.5 %), cents for FLAT (15000 = $150.00).

/** Up to two decimals, e.g. "12", "12.5", "0.01". A leading "$" is tolerated for flat amounts. */
const DECIMAL = /^\d{1,9}(\.\d{1,2})?$/;

/** "12.5" → 1250, or null when the text is not a number with at most two decimals. */
export function parseHundredths(text: string): number | null {
  const clean = text.trim().replace(/^\$\s*/, "");
  if (!DECIMAL.test(clean)) return null;
  const [whole, fraction = ""] = clean.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

const dollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

/** What a list row or detail page shows: "12.5 %" or "$150.00 flat". */
export function formatCommission(type: CommissionType, value: number): string {
  return type === "PERCENT" ? `${value / 100} %` : `${dollars.format(value / 100)} flat`;
}

/** The text an edit form starts with: "12.5" for 1250 basis points, "150.00" for 15000 cents. */
export function commissionInputValue(type: CommissionType, value: number): string {
  return type === "PERCENT" ? String(value / 100) : (value / 100).toFixed(2);
}
