/**
 * Where to go after sign-in. Only paths inside this app are honoured: a crafted link such as
 * `?redirect=//evil.example` must not turn the sign-in page into an open redirect.
 */
export function safeRedirectTarget(target: string | undefined): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return '/';
  if (target.startsWith('/sign-in') || target.startsWith('/api')) return '/';
  return target;
}
