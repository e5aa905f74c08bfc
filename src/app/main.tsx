/** Entry point of the web app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { warmUp } from './analysis-service.ts';
import { App } from './components/App.tsx';
import './styles.css';
import { installPrintHook } from './print-sheet.ts';
import { installVectisApi } from './vectis-api.ts';

installVectisApi();
installPrintHook();
// The engine takes a second or two to start: begin now, while the user finds a file.
warmUp();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
