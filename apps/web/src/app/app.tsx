import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUSAntd from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from '../lib/api-client';
import { I18nProvider, useI18n } from '../lib/i18n';
import { routes } from './routes';
import { sessionQueryKey } from './session';
import './global.css';

const router = createBrowserRouter(routes);

function Themed() {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={locale === 'zh-CN' ? zhCNAntd : enUSAntd}
      theme={{ token: { colorPrimary: '#1f5fae', borderRadius: 4, fontSize: 14 } }}
      // Button texts read exactly as the manual's (登录, not 登 录), for users and for tests alike.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  const [queryClient] = useState(() => {
    // A session that ended on the server (idle, absolute limit, password reset elsewhere): reload the
    // session so the role guard sends the user to the login page instead of leaving a dead page.
    const onError = (err: unknown) => {
      if (err instanceof ApiError && err.status === 401 && client.getQueryData(sessionQueryKey)) {
        void client.invalidateQueries({ queryKey: sessionQueryKey });
      }
    };
    const client: QueryClient = new QueryClient({
      queryCache: new QueryCache({ onError }),
      mutationCache: new MutationCache({ onError }),
      defaultOptions: {
        queries: {
          retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
          refetchOnWindowFocus: false,
        },
      },
    });
    return client;
  });
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <Themed />
      </QueryClientProvider>
    </I18nProvider>
  );
}
