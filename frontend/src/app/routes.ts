/** The tabs and their URLs: each view can be bookmarked and shared, filters included (query string). */
export interface Route {
  readonly id: 'dashboard' | 'sensors' | 'analytics' | 'optimization' | 'alerts' | 'quality';
  readonly path: string;
  readonly label: string;
}

export const ROUTES: readonly Route[] = [
  { id: 'dashboard', path: '/', label: 'Dashboard' },
  { id: 'sensors', path: '/sensors', label: 'Sensors' },
  { id: 'analytics', path: '/analytics', label: 'Analytics' },
  { id: 'optimization', path: '/optimization', label: 'Optimization' },
  { id: 'alerts', path: '/alerts', label: 'Alerts' },
  { id: 'quality', path: '/quality', label: 'Detection quality' },
];

/** The route for a path; unknown paths show the dashboard. */
export function routeFor(pathname: string): Route {
  const clean = pathname.replace(/\/+$/, '') || '/';
  return ROUTES.find((r) => r.path === clean) ?? ROUTES[0]!;
}
