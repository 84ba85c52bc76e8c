import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The global layer first, so that each component's CSS module (bundled after it) wins a tie.
import './styles/tokens.css';
import './styles/base.css';
import './styles/controls.css';
import './styles/tables.css';
import './styles/sections.css';
import './styles/forms.css';
import { App } from './App';
import { installClipboardClearing } from './lib/clipboard';

// Text copied from the app is cleared from the clipboard after 30 seconds and on lock.
installClipboardClearing();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
