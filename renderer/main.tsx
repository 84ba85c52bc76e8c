import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The global layer first, so that each component's CSS module (bundled after it) wins a tie.
import './styles/tokens.css';
import './styles/app.css';
import './styles/sharing.css';
import './styles/case-page.css';
import './styles/cases.css';
import { App } from './App';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
