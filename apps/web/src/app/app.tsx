import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';

export function App() {
  return (
    <ConfigProvider locale={zhCN}>
      <main style={{ padding: 24 }}>
        <h1>CCC免办及特殊用途进口产品检测处理管理系统</h1>
      </main>
    </ConfigProvider>
  );
}
