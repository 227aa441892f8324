import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  return <h1>上海新一代信息基础设施布局规划</h1>;
}

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');
createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
