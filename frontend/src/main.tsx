// the app-wide stylesheets first: each component's own stylesheet, imported beside it, comes after
import './app/theme.css';
import './app/base.css';
import './app/blocks.css';
import './app/shell.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { applyTheme, initialTheme } from './app/theme.ts';

// before the first paint, so a dark-theme user never sees a white flash
applyTheme(initialTheme());
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
