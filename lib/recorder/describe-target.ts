/**
 * A text-free descriptor of a clicked element, e.g. `button#save.primary`: tag, id and up to two class names — never
 * its text, value, label or any attribute a user could have typed into. Names that look like data (digits, emails,
 * long tokens) are left out, so ids like `message-8123` do not end up in the index.
 */
const SAFE_NAME = /^[a-zA-Z][\w-]{0,39}$/;
const looksLikeData = (name: string) => /\d{3,}|@|[a-f0-9]{12,}/i.test(name);

export type DescribableElement = { tagName: string; id?: string; classList?: Iterable<string>; getAttribute?: (name: string) => string | null };

export function describeTarget(element: DescribableElement): string {
  let descriptor = element.tagName.toLowerCase().replace(/[^a-z0-9-]/g, "");
  const id = element.id ?? "";
  if (SAFE_NAME.test(id) && !looksLikeData(id)) descriptor += `#${id}`;
  const classes = [...(element.classList ?? [])].filter((name) => SAFE_NAME.test(name) && !looksLikeData(name) && !name.startsWith("rr-")).slice(0, 2);
  for (const name of classes) descriptor += `.${name}`;
  const testId = element.getAttribute?.("data-testid");
  if (testId && SAFE_NAME.test(testId) && !looksLikeData(testId)) descriptor += `[data-testid=${testId}]`;
  return descriptor.slice(0, 200);
}

const CLICKABLE = 'a[href],button,[role="button"],[role="link"],[role="tab"],[role="menuitem"],summary,input[type="button"],input[type="submit"],input[type="reset"],[onclick]';

/** The element a click was meant for: the nearest clickable ancestor, or the element itself. */
export function clickTarget(element: Element): { target: Element; clickable: boolean } {
  const clickable = element.closest(CLICKABLE);
  return clickable ? { target: clickable, clickable: true } : { target: element, clickable: false };
}
