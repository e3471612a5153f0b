import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { ApiRequestError } from './lib/api';
import { startI18n } from './lib/i18n';
import { LocaleSync } from './auth/LocaleSync';
import { RITUAL_LOCALES } from './rituals.locales';
import './styles.css';

startI18n(RITUAL_LOCALES);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Retrying cannot fix a 4xx answer; a network blip may be worth one more try.
      retry: (failureCount, error) =>
        failureCount < 1 && !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: true,
    },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <LocaleSync />
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
