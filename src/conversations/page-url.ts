/**
 * A page URL as one page: scheme and host lower-cased, query (`?utm_source=…`) and fragment (`#top`)
 * dropped, and the trailing slash normalised (none, except for the root: `https://example.com/`).
 * The path keeps its case, as servers tell `/Pricing` from `/pricing`. Text that is not an absolute
 * URL keeps its path part, normalised the same way; nothing left (`?x` alone) is no value.
 */
export function pageUrlPath(url: string | null): string | null {
  if (url === null) return null;
  const cut = url.search(/[?#]/);
  const base = (cut < 0 ? url : url.slice(0, cut)).trim();
  const absolute = /^([a-z][a-z0-9+.-]*:\/\/)([^/]*)(.*)$/i.exec(base);
  const path = (absolute ? absolute[3] : base).replace(/\/+$/, '');
  if (!absolute) return path === '' ? (base.startsWith('/') ? '/' : null) : path;
  return `${absolute[1].toLowerCase()}${absolute[2].toLowerCase()}${path === '' ? '/' : path}`;
}
