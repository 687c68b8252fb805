// Define <mms-media-upload> before React creates one: React 19 sets a prop as a property
// when the element has it (`'strings' in element`), which is only true once it is defined.
import '../../src/index.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
