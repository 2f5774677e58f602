import { render } from 'preact';
import { startPwa } from './pwa/index.js';

function App() {
  return (
    <main>
      <h1>Dial-in</h1>
      <p>Your coffee log is on its way.</p>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
// Service worker (production builds), persistent storage, replay triggers: client/src/pwa.
startPwa();
