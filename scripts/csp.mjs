// The Content-Security-Policy of the production build, in one place: vite.config.ts puts it in a
// <meta> tag of every page it builds, the e2e server and the README's hosting headers add what a
// meta tag cannot carry.

/**
 * SHA-256 of the empty string. Fluent's style engine (Griffel) and FluentProvider create *empty*
 * <style> elements and fill them through the CSSOM (`sheet.insertRule`), which CSP does not govern;
 * allowing exactly the empty element lets them work without 'unsafe-inline', while any injected
 * <style> with content, and every style="" attribute in markup, stays blocked.
 */
export const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/**
 * The policy for a build talking to `armOrigin` and signing in at `authorityOrigin` (both absent
 * when the build's configuration is invalid: its start-up page talks to nobody).
 * @param {{ armOrigin?: string, authorityOrigin?: string }} origins
 * @returns {string}
 */
export function contentSecurityPolicy({ armOrigin, authorityOrigin }) {
  const remote = (...origins) =>
    origins
      .filter(Boolean)
      .map((o) => ` ${o}`)
      .join('');
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' ${EMPTY_STYLE_HASH}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${remote(armOrigin, authorityOrigin)}`,
    // MSAL renews tokens in a hidden iframe when the refresh token has expired; it ends on our
    // redirect page.
    `frame-src 'self'${remote(authorityOrigin)}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

/**
 * The response headers to host the production build with: the same policy plus what only a header
 * can carry (`frame-ancestors`: no site may frame the app), and the usual hardening. Do not add a
 * Cross-Origin-Opener-Policy header to redirect.html: MSAL's redirect bridge must keep its opener.
 * @param {string} policy - the meta tag's policy (from {@link contentSecurityPolicy})
 * @returns {Record<string, string>}
 */
export function hostingHeaders(policy) {
  return {
    'Content-Security-Policy': `${policy}; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  };
}
