/** The shell: header with tabs, connection state, theme and token; the view of the current URL below. */
import { type KeyboardEvent, type MouseEvent, useEffect, useState } from 'react';
import { ConnectionBadge } from '../components/connection-badge.tsx';
import { StaleBanner } from '../components/stale-banner.tsx';
import { TokenPrompt } from '../components/token-prompt.tsx';
import { liveSocket } from '../data/live.ts';
import { getToken, onTokenChange, setToken } from '../data/token.ts';
import { useLive } from '../data/use-live.ts';
import { AlertsView } from '../views/alerts/alerts-view.tsx';
import { AnalyticsView } from '../views/analytics/analytics-view.tsx';
import { DashboardView } from '../views/dashboard/dashboard-view.tsx';
import { OptimizationView } from '../views/optimization/optimization-view.tsx';
import { QualityView } from '../views/quality/quality-view.tsx';
import { SensorsView } from '../views/sensors/sensors-view.tsx';
import { ROUTES, type Route, routeFor } from './routes.ts';
import { applyTheme, initialTheme, type Theme } from './theme.ts';
import { navigate, useLocation } from './use-location.ts';

const VIEWS: Record<Route['id'], () => React.JSX.Element> = {
  dashboard: DashboardView,
  sensors: SensorsView,
  analytics: AnalyticsView,
  optimization: OptimizationView,
  alerts: AlertsView,
  quality: QualityView,
};

export function App() {
  const location = useLocation();
  const route = routeFor(location.pathname);
  const live = useLive();
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const [tokenReason, setTokenReason] = useState<string | null>(null);
  const [hasToken, setHasToken] = useState(() => getToken() !== null);

  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => onTokenChange(() => setHasToken(getToken() !== null)), []);
  useEffect(() => {
    liveSocket.start();
    return () => liveSocket.stop();
  }, []);
  useEffect(() => {
    document.title = `${route.label} · wattwatch`;
  }, [route]);
  useEffect(() => {
    const ask = (event: Event) => setTokenReason((event as CustomEvent<string>).detail);
    window.addEventListener('wattwatch:token-needed', ask);
    return () => window.removeEventListener('wattwatch:token-needed', ask);
  }, []);

  const View = VIEWS[route.id];
  return (
    <div className="shell">
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="header">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            ⚡
          </span>
          wattwatch
        </div>
        <Tabs current={route} />
        <div className="header-tools">
          <ConnectionBadge live={live} />
          <button
            type="button"
            className="ghost"
            onClick={() =>
              hasToken ? setToken(null) : setTokenReason('Enter the API token of this server.')
            }
          >
            {hasToken ? 'Forget token' : 'Token'}
          </button>
          <button
            type="button"
            className="ghost"
            aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
            onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
          >
            {theme === 'dark' ? '☀ Light' : '☾ Dark'}
          </button>
        </div>
      </header>
      <StaleBanner live={live} />
      <main id="main" tabIndex={-1} data-view={route.id}>
        <View />
      </main>
      {tokenReason !== null && <TokenPrompt reason={tokenReason} onClose={() => setTokenReason(null)} />}
    </div>
  );
}

/** Links with real URLs (open in a new tab works); arrow keys move between them, as in a tab list. */
function Tabs({ current }: { current: Route }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>, route: Route) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(route.path);
  };
  const arrows = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const links = [...event.currentTarget.querySelectorAll('a')];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = links[(at + (event.key === 'ArrowRight' ? 1 : links.length - 1)) % links.length];
    next?.focus();
    event.preventDefault();
  };
  return (
    <nav className="tabs" aria-label="Views" onKeyDown={arrows}>
      {ROUTES.map((route) => (
        <a
          key={route.id}
          href={route.path}
          aria-current={route.id === current.id ? 'page' : undefined}
          onClick={(e) => follow(e, route)}
          data-tab={route.id}
        >
          {route.label}
        </a>
      ))}
    </nav>
  );
}
